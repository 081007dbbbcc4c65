namespace GrokDsl.Runtime.Execution;

/// <summary>
/// Which progress measures are due at a step: a measure's own cadence from <see cref="Training.MeasureCadences"/>,
/// else <see cref="Training.MeasureCadence"/>, else the plain rule of <see cref="Training.MeasureEvery"/>
/// (every N steps, only at test evaluations), which is kept as it was so that older runs measure the same steps.
/// </summary>
public sealed class MeasureSchedule
{
    readonly Training _training;

    MeasureSchedule(Training training) => _training = training;

    /// <summary>The schedule of <paramref name="spec"/>; a cadence for a measure the run does not list is an error.</summary>
    public static MeasureSchedule For(RunSpec spec)
    {
        var listed = spec.Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = (spec.Training.MeasureCadences?.Keys ?? []).Where(id => !listed.Contains(id)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException(
                $"Experiment '{spec.Experiment.Id}': Training.MeasureCadences names {string.Join(", ", unknown.Select(id => $"'{id}'"))}, " +
                $"which its Measures do not list ({(listed.Count == 0 ? "none" : string.Join(", ", listed))}).");
        return new MeasureSchedule(spec.Training);
    }

    /// <summary>
    /// Whether measure <paramref name="id"/> runs at <paramref name="step"/>, where <paramref name="evaluated"/>
    /// says the test set is evaluated there and <paramref name="happened"/> are the events of this step.
    /// </summary>
    public bool IsDue(string id, long step, bool evaluated, MeasureEvents happened)
    {
        var cadence = _training.MeasureCadences?.GetValueOrDefault(id) ?? _training.MeasureCadence;
        return cadence is null
            ? evaluated && step % _training.MeasureEvery == 0
            : cadence.IsDue(step, happened);
    }
}
