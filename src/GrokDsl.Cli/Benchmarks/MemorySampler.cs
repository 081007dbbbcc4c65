using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using TorchSharp;

namespace GrokDsl.Cli.Benchmarks;

/// <summary>
/// Reads memory every <paramref name="every"/> steps, at the evaluation that step makes: process RSS, the managed heap
/// after a full collection (what is still referenced, not garbage waiting for the collector), GPU memory and
/// TorchSharp's live tensors on the training thread. Stacked runs report each evaluation once per run; the step is
/// sampled once. Each sample goes to <paramref name="onSample"/> as it is taken, so a long run shows its progress.
/// </summary>
sealed class MemorySampler(int every, Func<double?> gpuMiB, Action<MemorySample> onSample) : ITrainingObserver
{
    const double MiB = 1024 * 1024;
    long _lastStep = -1;

    public List<MemorySample> Samples { get; } = [];

    public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
    {
        if (record.Step % every != 0 || record.Step == _lastStep) return;
        _lastStep = record.Step;
        var managed = GC.GetTotalMemory(forceFullCollection: true) / MiB;
        var sample = new MemorySample(record.Step, Environment.WorkingSet / MiB, managed, gpuMiB(), DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Samples.Add(sample);
        onSample(sample);
    }
}
