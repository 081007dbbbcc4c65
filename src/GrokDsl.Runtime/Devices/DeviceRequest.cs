namespace GrokDsl.Runtime.Devices;

/// <summary>Which kind of device a run asked for.</summary>
public enum DeviceKind
{
    Cpu,
    Cuda,

    /// <summary>CUDA when a PyTorch install with a working GPU can be found, otherwise the CPU.</summary>
    Auto,
}

/// <summary>A parsed <c>--device</c> value: <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>auto</c>.</summary>
public sealed record DeviceRequest(DeviceKind Kind, int Index = 0)
{
    public static DeviceRequest Cpu { get; } = new(DeviceKind.Cpu);

    public static DeviceRequest Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        if (value == "cpu") return Cpu;
        if (value == "auto") return new(DeviceKind.Auto);
        if (value == "cuda") return new(DeviceKind.Cuda);
        if (value.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(value[5..], out var index) && index >= 0)
            return new(DeviceKind.Cuda, index);
        throw new ArgumentException($"Unknown device '{text}'; use cpu, cuda, cuda:N (N = 0, 1, ...) or auto.");
    }

    public override string ToString() => Kind switch
    {
        DeviceKind.Cpu => "cpu",
        DeviceKind.Auto => "auto",
        _ => $"cuda:{Index}",
    };
}
