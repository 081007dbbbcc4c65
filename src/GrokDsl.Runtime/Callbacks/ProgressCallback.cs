using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Loop;

namespace GrokDsl.Runtime.Callbacks;

/// <summary>Tells the observer (a progress bar, log lines) about every evaluation, with the record just written.</summary>
sealed class ProgressCallback(ITrainingObserver observer) : ITrainingCallback
{
    public void OnRecorded(LoopRun run, MetricRecord record, bool evaluated)
    {
        if (evaluated) observer.OnEvaluated(run.Spec, record, run.Tracker, run.Spec.Stopping.MaxSteps);
    }
}
