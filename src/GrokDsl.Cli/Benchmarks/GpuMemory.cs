using System.Globalization;
using GrokDsl.Runtime;

namespace GrokDsl.Cli.Benchmarks;

/// <summary>
/// Used memory of one GPU, from <c>nvidia-smi --query-gpu=memory.used</c>. TorchSharp 0.107 exposes none of
/// torch.cuda's memory statistics, and nvidia-smi's per-process list shows host process ids that a container
/// may not share, so this is the whole device: every process on it, which on a lent machine is this one.
/// It includes what libtorch's caching allocator holds, which is where growth would show.
/// </summary>
static class GpuMemory
{
    /// <summary>MiB in use on GPU <paramref name="index"/>, or null when nvidia-smi is missing or fails.</summary>
    public static double? UsedMiB(int index) =>
        ToolOutput.Read("nvidia-smi", ["--query-gpu=memory.used", "--format=csv,noheader,nounits", $"--id={index}"], TimeSpan.FromSeconds(10))
            is { } output && double.TryParse(output, NumberStyles.Float, CultureInfo.InvariantCulture, out var used) ? used : null;
}
