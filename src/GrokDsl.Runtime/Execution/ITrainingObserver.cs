using GrokDsl.Runs;

namespace GrokDsl.Runtime.Execution;

/// <summary>Receives a run's progress, e.g. to draw a progress bar. Called on the training thread.</summary>
public interface ITrainingObserver
{
    void OnStarted(RunSpec spec, RunDirectory directory) { }

    /// <summary>After every evaluation, with the record just written to the metrics stream.</summary>
    void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps) { }

    /// <summary>
    /// After every evaluation of the run <paramref name="spec"/>, which is what the loop calls: an observer that keeps
    /// something per run (its log) needs to know which; one that shows a single line needs only the overload without it.
    /// </summary>
    void OnEvaluated(RunSpec spec, MetricRecord record, GrokkingTracker tracker, long maxSteps) => OnEvaluated(record, tracker, maxSteps);

    /// <summary>A progress measure threw and is disabled for the rest of the run.</summary>
    void OnMeasureFailed(string measureId, Exception error) { }

    /// <summary>A progress measure of the run <paramref name="spec"/> threw and is disabled for the rest of that run.</summary>
    void OnMeasureFailed(RunSpec spec, string measureId, Exception error) => OnMeasureFailed(measureId, error);

    /// <summary>Something the user should know that does not stop the run, e.g. a corrupt checkpoint skipped.</summary>
    void OnWarning(string message) { }

    void OnFinished(RunSummary summary, RunDirectory directory) { }

    /// <summary>Training the run threw; its summary now says failed (a retry may start it again).</summary>
    void OnFailed(RunSpec spec, RunDirectory directory, Exception error) { }
}

/// <summary>An observer that ignores everything.</summary>
public sealed class SilentObserver : ITrainingObserver
{
    public static SilentObserver Instance { get; } = new();
}
