namespace GrokDsl.Cli.Benchmarks;

/// <summary>One reading of this process's memory at a training step; <see cref="GpuMiB"/> is null off CUDA or without nvidia-smi.</summary>
public sealed record MemorySample(long Step, double ResidentMiB, double ManagedMiB, double? GpuMiB, long LiveTensors);
