namespace GrokDsl.Runs;

/// <summary>
/// Evaluation records missing from a metrics stream that a checkpoint says were written. A checkpoint at step S is
/// taken after the evaluations at steps 0, E, 2E, ... below S were recorded (E the evaluation cadence), so a stream
/// with fewer of them was truncated, deleted or damaged: resuming past it would build the report and the analysis on
/// a gap.
/// </summary>
/// <param name="Path">The metrics file.</param>
/// <param name="ResumeStep">The step of the checkpoint being resumed.</param>
/// <param name="Expected">Evaluation records below <paramref name="ResumeStep"/> the checkpoint implies.</param>
/// <param name="Intact">How many of them are there without a gap, from step 0 on.</param>
/// <param name="LastIntactStep">The step of the last evaluation record before the first gap; null when step 0's is missing.</param>
public sealed record MetricsGap(string Path, long ResumeStep, long EvaluateEvery, long Expected, long Intact, long? LastIntactStep)
{
    /// <summary>The gap in <paramref name="reading"/> below <paramref name="resumeStep"/>, or null when every evaluation record is there.</summary>
    public static MetricsGap? Find(MetricsReading reading, long resumeStep, long evaluateEvery)
    {
        var expected = resumeStep <= 0 ? 0 : (resumeStep - 1) / evaluateEvery + 1;
        var evaluated = reading.Records.Where(r => r.TestAccuracy is not null && r.Step < resumeStep).Select(r => r.Step).ToHashSet();
        var intact = 0L;
        while (intact < expected && evaluated.Contains(intact * evaluateEvery)) intact++;
        return intact == expected ? null
            : new MetricsGap(reading.Path, resumeStep, evaluateEvery, expected, intact, intact == 0 ? null : (intact - 1) * evaluateEvery);
    }

    /// <summary>The newest step a checkpoint may have for the run to resume from it without this gap (0: start over).</summary>
    public long RewindLimit => LastIntactStep ?? 0;

    /// <summary>What is missing, naming the file, and what the user can do about it.</summary>
    public string Describe()
    {
        var found = LastIntactStep is { } last ? $"{Intact} without a gap, the last at step {last}" : "none from step 0 on";
        var missing = File.Exists(Path) ? "was truncated or damaged" : "is missing";
        return $"{Path}: the metrics stream {missing}: the checkpoint at step {ResumeStep} implies {Expected} evaluation record(s) " +
               $"(every {EvaluateEvery} steps from step 0), but it holds {found}. Resuming would leave a gap in the report and the analysis. " +
               $"Use --rewind to resume from the newest checkpoint at or before step {RewindLimit} (from the start if there is none), " +
               "--resume-anyway to resume with the gap, or --force to train again from scratch.";
    }
}

/// <summary>A resume refused because the metrics stream does not hold what the checkpoint implies (<see cref="MetricsGap"/>).</summary>
public sealed class MetricsGapException(MetricsGap gap) : IOException(gap.Describe())
{
    public MetricsGap Gap { get; } = gap;
}
