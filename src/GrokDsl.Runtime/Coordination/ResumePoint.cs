using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;

namespace GrokDsl.Runtime.Coordination;

/// <summary>What to do when the metrics stream of a run about to resume has a gap (<see cref="MetricsGap"/>).</summary>
public enum MetricsGapPolicy
{
    /// <summary>Refuse the run with a <see cref="MetricsGapException"/> that names the file and the way out; nothing is written.</summary>
    Refuse,

    /// <summary>Resume from the newest checkpoint at or before the last intact evaluation record, or from scratch; later checkpoints go.</summary>
    Rewind,

    /// <summary>Resume from the newest checkpoint anyway, with a warning: the gap stays in the metrics.</summary>
    ResumeAnyway,
}

/// <summary>
/// The checkpoint a run resumes from: its newest valid one, once the metrics stream is found to hold every evaluation
/// record that checkpoint implies. Checked before the run directory is touched, so a refused run loses nothing.
/// </summary>
static class ResumePoint
{
    /// <summary>The checkpoint to resume from, or null to start from scratch; may rewind (removing later checkpoints) as <paramref name="policy"/> says.</summary>
    /// <exception cref="MetricsGapException">The stream has a gap and <paramref name="policy"/> is <see cref="MetricsGapPolicy.Refuse"/>.</exception>
    public static Checkpoint? Choose(CheckpointStore checkpoints, RunDirectory directory, RunSpec spec, MetricsGapPolicy policy, Action<string> warn)
    {
        var newest = checkpoints.LoadLatest(warn);
        if (newest is null || GapBefore(newest, directory, spec) is not { } gap) return newest;
        switch (policy)
        {
            case MetricsGapPolicy.ResumeAnyway:
                warn($"{gap.Describe()} Resuming anyway (--resume-anyway).");
                return newest;
            case MetricsGapPolicy.Rewind:
                var rewound = checkpoints.LoadLatest(warn, atOrBefore: gap.RewindLimit);
                if (rewound is null) checkpoints.Clear();
                else checkpoints.RemoveAfter(rewound.State.Step);
                warn($"{gap.Path}: the metrics stream has a gap after step {gap.RewindLimit}; rewound (--rewind) to " +
                     (rewound is null ? "the start: the run trains from scratch" : $"the checkpoint at step {rewound.State.Step}"));
                return rewound;
            default:
                throw new MetricsGapException(gap);
        }
    }

    /// <summary>The step <see cref="Choose"/> would resume from, without removing anything or refusing (to pack stacks).</summary>
    public static long? Step(CheckpointStore checkpoints, RunDirectory directory, RunSpec spec, MetricsGapPolicy policy)
    {
        var newest = checkpoints.LoadLatest(static _ => { });
        if (newest is null || policy != MetricsGapPolicy.Rewind || GapBefore(newest, directory, spec) is not { } gap) return newest?.State.Step;
        return checkpoints.LoadLatest(static _ => { }, atOrBefore: gap.RewindLimit)?.State.Step;
    }

    /// <summary>The gap a resume from the newest valid checkpoint would meet, or null (no checkpoint, or no gap); removes nothing.</summary>
    public static MetricsGap? Gap(CheckpointStore checkpoints, RunDirectory directory, RunSpec spec) =>
        checkpoints.LoadLatest(static _ => { }) is { } newest ? GapBefore(newest, directory, spec) : null;

    static MetricsGap? GapBefore(Checkpoint checkpoint, RunDirectory directory, RunSpec spec) =>
        MetricsGap.Find(MetricsFile.ReadChecked(directory.MetricsPath), checkpoint.State.Step, spec.Training.EvaluateEvery);
}
