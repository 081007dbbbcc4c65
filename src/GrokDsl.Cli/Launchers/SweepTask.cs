namespace GrokDsl.Cli.Launchers;

/// <summary>
/// One unit a scheduler starts (a Slurm array task, a Kubernetes completion index): the runs it
/// trains, one after the other, as indices into the sweep's run list.
/// </summary>
public sealed record SweepTask(int Index, IReadOnlyList<int> RunIndices);

/// <summary>How the runs of a sweep are packed into tasks.</summary>
public static class TaskLayout
{
    /// <summary>Task i trains run i: the most parallel layout, and the simplest to requeue.</summary>
    public static IReadOnlyList<SweepTask> OneRunPerTask(int runCount) =>
        [.. Enumerable.Range(0, runCount).Select(i => new SweepTask(i, [i]))];
}
