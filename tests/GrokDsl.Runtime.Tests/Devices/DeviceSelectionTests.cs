using GrokDsl.Runtime.Devices;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Devices;

public sealed class DeviceSelectionTests
{
    [Theory]
    [InlineData("cpu", DeviceKind.Cpu, 0)]
    [InlineData("auto", DeviceKind.Auto, 0)]
    [InlineData("cuda", DeviceKind.Cuda, 0)]
    [InlineData("CUDA:2", DeviceKind.Cuda, 2)]
    public void DeviceNamesParse(string text, DeviceKind kind, int index) =>
        Assert.Equal(new DeviceRequest(kind, index), DeviceRequest.Parse(text));

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    public void UnknownDeviceNamesAreRejectedWithTheChoices(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => DeviceRequest.Parse(text));
        Assert.Contains($"'{text}'", error.Message);
        Assert.Contains("cpu, cuda, cuda:N", error.Message);
    }

    [Fact]
    public void CudaThatCannotLoadFailsWithOneMessageListingWhatWasTried()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-torch-lib");

        var error = Assert.Throws<DeviceUnavailableException>(() => DeviceSelection.Select(new DeviceRequest(DeviceKind.Cuda), missing));

        Assert.Contains("cuda:0", error.Message);
        Assert.Contains("Tried:", error.Message);
        Assert.Contains("--device cpu", error.Message);
        // Either the named folder was looked at, or (tests have tensors by now) the CPU libtorch already loaded is named.
        Assert.True(error.Message.Contains(missing) || error.Message.Contains("already loaded a CPU-only libtorch"), error.Message);
    }

    [Fact]
    public void AutoFallsBackToTheCpuAndSaysWhy()
    {
        var selected = DeviceSelection.Select(new DeviceRequest(DeviceKind.Auto), Path.Combine(Path.GetTempPath(), "no-such-torch-lib"), () => null);

        Assert.Equal("cpu", selected.Name);
        Assert.StartsWith("auto: no usable CUDA", selected.Note);
    }

    [Fact]
    public void AFolderWithoutCudaLibTorchIsNamedAsSuch()
    {
        using var folder = new TempFolder();
        var tried = new List<string>();

        Assert.Null(PyTorchLibrary.Find(folder.Path, tried));
        Assert.Contains(tried, line => line.Contains(folder.Path) && line.Contains(PyTorchLibrary.CudaMarker));
    }
}
