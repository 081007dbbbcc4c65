using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Execution;

/// <summary>
/// One run's progress measures: which are due at a step (<see cref="MeasureSchedule"/>), their values, and what a
/// measure that throws costs: its own panel for the rest of the run, reported to <paramref name="observer"/> and
/// kept for the run's summary. The same for every engine, so that a stacked run
/// measures and records exactly what it would alone.
/// </summary>
sealed class RunMeasures(RunSpec spec, IEnumerable<(string Id, IProgressMeasure Measure)> measures, ITrainingObserver observer)
{
    readonly List<(string Id, IProgressMeasure Measure)> _measures = [.. measures];
    readonly MeasureSchedule _schedule = MeasureSchedule.For(spec);
    readonly Dictionary<string, string> _failures = [];

    /// <summary>
    /// Measure id → "ExceptionType: message" of the measures that threw; null when none did. Text only: holding a
    /// plugin's exception would keep its load context alive after an unload.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Failures => _failures.Count == 0 ? null : new Dictionary<string, string>(_failures);

    /// <summary>Disables measures that failed before the checkpoint this run resumed from, as they were then.</summary>
    public void DisableFailed(IReadOnlyDictionary<string, string> failures)
    {
        foreach (var (id, failure) in failures)
        {
            _measures.RemoveAll(m => m.Id == id);
            _failures[id] = failure;
        }
    }

    /// <summary>Whether a measure is due at <paramref name="step"/> whatever the evaluation and events there.</summary>
    public bool AnyDueRegardless(long step) => _measures.Any(m => _schedule.IsDue(m.Id, step, false, MeasureEvents.None));

    /// <summary>
    /// The values of the measures due at <paramref name="step"/> ("id.name"), or null when none is.
    /// <paramref name="contextWhenDue"/> is called only when one is due, so that preparing the model can be skipped.
    /// </summary>
    public Dictionary<string, double>? Measure(long step, bool evaluated, MeasureEvents happened, Func<MeasureContext> contextWhenDue)
    {
        var due = _measures.Where(m => _schedule.IsDue(m.Id, step, evaluated, happened)).ToList();
        if (due.Count == 0) return null;
        using var _ = no_grad();
        var context = contextWhenDue();
        var values = new Dictionary<string, double>();
        foreach (var (id, measure) in due)
        {
            try
            {
                foreach (var (name, value) in measure.Measure(context)) values[$"{id}.{name}"] = value;
            }
            catch (Exception e)
            {
                // A broken measure costs its own panel, not the run.
                _measures.RemoveAll(m => m.Id == id);
                _failures[id] = $"{e.GetType().Name}: {e.Message}";
                observer.OnMeasureFailed(spec, id, e);
            }
        }
        return values;
    }
}
