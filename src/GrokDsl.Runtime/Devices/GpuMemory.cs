using System.Globalization;

namespace GrokDsl.Runtime.Devices;

/// <summary>
/// Memory of one GPU from <c>nvidia-smi --query-gpu</c>: TorchSharp 0.107 exposes none of torch.cuda's memory
/// statistics (mem_get_info, memory_allocated; dotnet/TorchSharp#1524 adds them), and nvidia-smi's per-process list
/// shows host process ids that a container may not share, so these are whole-device figures: every process on it
/// (on a lent machine, this one). Used memory includes what libtorch's caching allocator holds, where growth would
/// show (<c>bench memory</c>); free memory sizes the stacks (<see cref="Stacking.StackingBudget.For"/>). Null when
/// nvidia-smi is missing or fails.
/// </summary>
public static class GpuMemory
{
    public static double? UsedMiB(int cudaIndex) => Query("memory.used", cudaIndex);

    public static double? FreeMiB(int cudaIndex) => Query("memory.free", cudaIndex);

    /// <summary>
    /// nvidia-smi's <c>--id</c> for CUDA device <paramref name="cudaIndex"/>: CUDA numbers only the devices
    /// <c>CUDA_VISIBLE_DEVICES</c> lists (indices or UUIDs), in its order, while nvidia-smi ignores that variable.
    /// </summary>
    public static string NvidiaSmiId(int cudaIndex, string? visibleDevices)
    {
        var visible = (visibleDevices ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return cudaIndex < visible.Length ? visible[cudaIndex] : cudaIndex.ToString(CultureInfo.InvariantCulture);
    }

    static double? Query(string field, int cudaIndex)
    {
        var id = NvidiaSmiId(cudaIndex, Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES"));
        return ToolOutput.Read("nvidia-smi", [$"--query-gpu={field}", "--format=csv,noheader,nounits", $"--id={id}"], TimeSpan.FromSeconds(10))
            is { } output && double.TryParse(output, NumberStyles.Float, CultureInfo.InvariantCulture, out var mebibytes) ? mebibytes : null;
    }
}
