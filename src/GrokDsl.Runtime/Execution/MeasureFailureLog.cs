using GrokDsl.Runs;

namespace GrokDsl.Runtime.Execution;

/// <summary>
/// Passes everything on to the run's observer and keeps, as text, which measures failed, so the run's
/// summary records them (a quiet run's observer prints nothing). Text only: holding a plugin's exception
/// would keep its load context alive after an unload.
/// </summary>
sealed class MeasureFailureLog(ITrainingObserver inner) : ITrainingObserver
{
    readonly Dictionary<string, string> _failures = [];

    /// <summary>Measure id → "ExceptionType: message"; null when none failed.</summary>
    public IReadOnlyDictionary<string, string>? Failures => _failures.Count == 0 ? null : new Dictionary<string, string>(_failures);

    public void OnMeasureFailed(string measureId, Exception error)
    {
        _failures[measureId] = $"{error.GetType().Name}: {error.Message}";
        inner.OnMeasureFailed(measureId, error);
    }

    public void OnStarted(RunSpec spec, RunDirectory directory) => inner.OnStarted(spec, directory);
    public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps) => inner.OnEvaluated(record, tracker, maxSteps);
    public void OnWarning(string message) => inner.OnWarning(message);
    public void OnFinished(RunSummary summary, RunDirectory directory) => inner.OnFinished(summary, directory);
}
