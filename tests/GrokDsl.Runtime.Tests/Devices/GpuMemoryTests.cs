using GrokDsl.Runtime.Devices;

namespace GrokDsl.Runtime.Tests.Devices;

public sealed class GpuMemoryTests
{
    [Theory]
    [InlineData(0, null, "0")]
    [InlineData(1, "", "1")]
    [InlineData(1, "2,3", "3")]
    [InlineData(0, " 5 , 7", "5")]
    [InlineData(0, "GPU-8f6c1a2b-0000-1111-2222-333344445555", "GPU-8f6c1a2b-0000-1111-2222-333344445555")]
    public void NvidiaSmiIsAskedAboutTheDeviceCudaCallsByThatIndex(int cudaIndex, string? visibleDevices, string expected) =>
        Assert.Equal(expected, GpuMemory.NvidiaSmiId(cudaIndex, visibleDevices));
}
