using GrokDsl.Runs;

namespace GrokDsl.Runtime.Execution;

/// <summary>Receives a run's progress, e.g. to draw a progress bar. Called on the training thread.</summary>
public interface ITrainingObserver
{
    void OnStarted(RunSpec spec, RunDirectory directory) { }

    /// <summary>After every evaluation, with the record just written to the metrics stream.</summary>
    void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps) { }

    /// <summary>A progress measure threw and is disabled for the rest of the run.</summary>
    void OnMeasureFailed(string measureId, Exception error) { }

    /// <summary>Something the user should know that does not stop the run, e.g. a corrupt checkpoint skipped.</summary>
    void OnWarning(string message) { }

    void OnFinished(RunSummary summary, RunDirectory directory) { }
}

/// <summary>An observer that ignores everything.</summary>
public sealed class SilentObserver : ITrainingObserver
{
    public static SilentObserver Instance { get; } = new();
}
