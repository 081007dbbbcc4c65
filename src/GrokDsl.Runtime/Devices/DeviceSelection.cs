using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Devices;

/// <summary>The device runs train on, with the name recorded in each run and, for CUDA, the libtorch used.</summary>
public sealed record SelectedDevice(Device Device, string Name, string? LibTorchFolder = null, string? Note = null)
{
    public static SelectedDevice Cpu { get; } = new(CPU, "cpu");

    public bool IsCuda => Device.type == DeviceType.CUDA;
}

/// <summary>CUDA was asked for and cannot be used; the message lists everything that was tried.</summary>
public sealed class DeviceUnavailableException(string message) : Exception(message);

/// <summary>
/// Turns a <see cref="DeviceRequest"/> into a device. CUDA goes through the libtorch of an existing PyTorch
/// install (<see cref="PyTorchLibrary"/>): its libraries are loaded by absolute path before TorchSharp's own
/// native library, which then binds to them by name instead of the bundled CPU libtorch. That only works
/// before the first tensor of the process exists, so commands select the device first.
/// </summary>
public static class DeviceSelection
{
    // Dependency order: each library's needs are already loaded when it is.
    static readonly string[] CudaLibraries = ["libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so"];
    static readonly object Gate = new();

    public static SelectedDevice Select(string device, string? torchLibFolder = null) =>
        Select(DeviceRequest.Parse(device), torchLibFolder);

    public static SelectedDevice Select(DeviceRequest request, string? torchLibFolder = null, Func<string?>? python = null)
    {
        if (request.Kind == DeviceKind.Cpu) return SelectedDevice.Cpu;
        var tried = new List<string>();
        lock (Gate)
        {
            if (TryCuda(request.Index, torchLibFolder, tried, python) is { } cuda) return cuda;
        }
        if (request.Kind == DeviceKind.Auto)
            return SelectedDevice.Cpu with { Note = "auto: no usable CUDA (" + string.Join("; ", tried) + ")" };
        throw new DeviceUnavailableException(
            $"CUDA ({request}) was asked for but cannot be used. Tried:{Environment.NewLine}  - "
            + string.Join($"{Environment.NewLine}  - ", tried) + Environment.NewLine
            + $"Install PyTorch with CUDA (pip install torch) or name its torch/lib folder with --torch-lib or ${PyTorchLibrary.EnvironmentVariable}; or use --device cpu.");
    }

    static SelectedDevice? TryCuda(int index, string? torchLibFolder, List<string> tried, Func<string?>? python)
    {
        var loaded = LoadedLibTorch();
        string? folder = null;
        if (loaded.Cuda is not null)
        {
            tried.Add($"CUDA libtorch already loaded from {loaded.Cuda}");
            folder = loaded.Cuda;
        }
        else if (loaded.Cpu is not null)
        {
            tried.Add($"this process already loaded a CPU-only libtorch ({loaded.Cpu}); CUDA must be selected before the first tensor is made");
            return null;
        }
        else
        {
            folder = PyTorchLibrary.Find(torchLibFolder, tried, python);
            if (folder is null || !Preload(folder, tried)) return null;
        }

        try
        {
            InitializeDeviceType(DeviceType.CUDA);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            tried.Add($"TorchSharp's CUDA initialization failed: {FirstLine(e.Message)}");
            return null;
        }
        if (!cuda.is_available())
        {
            tried.Add("libtorch loaded, but torch.cuda.is_available() is false (no GPU, or a driver too old for this PyTorch)");
            return null;
        }
        var count = cuda.device_count();
        if (index >= count)
        {
            tried.Add($"cuda:{index} asked for, but only {count} CUDA device(s) exist");
            return null;
        }
        return new SelectedDevice(new Device(DeviceType.CUDA, index), $"cuda:{index}", folder);
    }

    static bool Preload(string folder, List<string> tried)
    {
        foreach (var name in CudaLibraries)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path)) continue; // older PyTorch releases merge some of these
            try
            {
                NativeLibrary.Load(path);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                tried.Add($"loading {path} failed: {FirstLine(e.Message)}");
                return false;
            }
        }
        return true;
    }

    /// <summary>Folders of the libtorch libraries this process has loaded (Linux: from /proc/self/maps).</summary>
    public static (string? Cpu, string? Cuda) LoadedLibTorch()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/maps")) return (null, null);
        string? cpu = null, cudaFolder = null;
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            var slash = line.IndexOf('/');
            if (slash < 0) continue;
            var path = line[slash..];
            if (path.EndsWith("/libtorch_cuda.so", StringComparison.Ordinal)) cudaFolder = Path.GetDirectoryName(path);
            else if (path.EndsWith("/libtorch_cpu.so", StringComparison.Ordinal)) cpu = Path.GetDirectoryName(path);
        }
        return (cpu, cudaFolder);
    }

    static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
