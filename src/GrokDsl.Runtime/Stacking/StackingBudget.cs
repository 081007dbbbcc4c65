using GrokDsl.Runtime.Devices;

namespace GrokDsl.Runtime.Stacking;

/// <summary>Limits for packing runs into stacks, and where the memory figure came from, for the packing report.</summary>
/// <param name="MemoryBytes">Estimated memory one stack may use (<see cref="StackPlanner"/> estimates each run's).</param>
/// <param name="MaxRunsPerStack">Upper bound on R, whatever the memory.</param>
/// <param name="Source">Where <paramref name="MemoryBytes"/> came from: configured, available host memory or measured free GPU memory.</param>
public sealed record StackingBudget(long MemoryBytes, int MaxRunsPerStack, string Source = "given")
{
    public const int DefaultMaxRunsPerStack = 64;

    // Stacks train one at a time, but the process also holds every run's dataset, model and measures, the runtime and
    // the plugins, and the machine is often shared.
    const double HostShare = 0.5;

    // libtorch's caching allocator rounds up and fragments, and the CUDA context (when not yet created) and the
    // cuBLAS workspaces come out of what was free at planning time.
    const double GpuShare = 0.8;

    const long UnmeasuredGpuBytes = 4L << 30;

    /// <summary>A fixed 4 GiB, the same on every machine: for tests and tools that want a reproducible packing.</summary>
    public static StackingBudget Default { get; } = new(4L << 30, DefaultMaxRunsPerStack, "a fixed 4 GiB");

    public static StackingBudget Configured(long bytes) => new(bytes, DefaultMaxRunsPerStack, "configured with --stack-memory");

    /// <summary>
    /// The budget for stacks that train on <paramref name="device"/>, measured now: on CUDA a share of the GPU's free
    /// memory, on the CPU a share of the memory this process may use.
    /// </summary>
    public static StackingBudget For(SelectedDevice device) => device.IsCuda
        ? ForGpu(device.Name, GpuMemory.FreeMiB(device.Device.index))
        : ForHost(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <param name="availableBytes">What the process may use: physical memory, or the limit of its cgroup (container, Slurm job).</param>
    public static StackingBudget ForHost(long availableBytes) => new((long)(availableBytes * HostShare), DefaultMaxRunsPerStack,
        $"half of the {MemorySize.Describe(availableBytes)} of memory available to this process; --stack-memory sets another");

    /// <param name="freeMiB">The GPU's free memory, or null when it could not be measured.</param>
    public static StackingBudget ForGpu(string deviceName, double? freeMiB)
    {
        if (freeMiB is not { } free)
            return new(UnmeasuredGpuBytes, DefaultMaxRunsPerStack,
                $"the free memory of {deviceName} could not be measured (nvidia-smi is missing or failed), so a fixed {MemorySize.Describe(UnmeasuredGpuBytes)}; --stack-memory sets another");
        var freeBytes = (long)(free * (1 << 20));
        return new((long)(freeBytes * GpuShare), DefaultMaxRunsPerStack,
            $"{GpuShare * 100:0}% of the {MemorySize.Describe(freeBytes)} free on {deviceName}, measured with nvidia-smi; --stack-memory sets another");
    }
}
