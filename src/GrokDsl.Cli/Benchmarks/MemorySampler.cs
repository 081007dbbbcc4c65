using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using TorchSharp;

namespace GrokDsl.Cli.Benchmarks;

/// <summary>
/// Reads memory every <paramref name="every"/> steps, at the evaluation that step makes: process RSS, the managed heap
/// after a full collection (what is still referenced, not garbage waiting for the collector), GPU memory and
/// TorchSharp's live tensors on the training thread. Stacked runs report each evaluation once per run; the step is
/// sampled once.
/// </summary>
sealed class MemorySampler(int every, Func<double?> gpuMiB) : ITrainingObserver
{
    const double MiB = 1024 * 1024;
    long _lastStep = -1;

    public List<MemorySample> Samples { get; } = [];

    public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
    {
        if (record.Step % every != 0 || record.Step == _lastStep) return;
        _lastStep = record.Step;
        var managed = GC.GetTotalMemory(forceFullCollection: true) / MiB;
        Samples.Add(new MemorySample(record.Step, Environment.WorkingSet / MiB, managed, gpuMiB(),
            DisposeScopeManager.Statistics.ThreadTotalLiveCount));
    }
}
