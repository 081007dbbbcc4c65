using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Planning;

/// <summary>
/// One unit a scheduler starts (a Slurm array task, a Kubernetes completion index): the runs it
/// trains, as indices into the sweep's run list (one after the other, or as one stack with --stack).
/// </summary>
public sealed record SweepTask(int Index, IReadOnlyList<int> RunIndices);

/// <summary>How the runs of a sweep are packed into tasks.</summary>
public static class TaskLayout
{
    /// <summary>Task i trains run i: the most parallel layout, and the simplest to requeue.</summary>
    public static IReadOnlyList<SweepTask> OneRunPerTask(int runCount) =>
        [.. Enumerable.Range(0, runCount).Select(i => new SweepTask(i, [i]))];

    /// <summary>
    /// One task per stack of <paramref name="packing"/> and one per run it leaves alone, ordered by their
    /// first run, so that the same sweep always gets the same task indices.
    /// </summary>
    /// <param name="runs">The sweep's runs; <paramref name="packing"/> must have been planned from these very objects.</param>
    public static IReadOnlyList<SweepTask> OneStackPerTask(IReadOnlyList<RunSpec> runs, StackPlan packing)
    {
        var indexOf = new Dictionary<RunSpec, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < runs.Count; i++) indexOf[runs[i]] = i;
        var groups = packing.Stacks.Select(s => s.Runs).Concat(packing.Alone.Select(a => (IReadOnlyList<RunSpec>)[a.Run]))
            .Select(group => group.Select(run => indexOf.TryGetValue(run, out var i) ? i
                : throw new ArgumentException($"run {run.RunId} was packed but is not in the sweep", nameof(packing))).Order().ToList())
            .OrderBy(group => group[0])
            .ToList();
        if (groups.Sum(g => g.Count) != runs.Count)
            throw new ArgumentException($"the packing covers {groups.Sum(g => g.Count)} of the sweep's {runs.Count} runs", nameof(packing));
        return [.. groups.Select((group, i) => new SweepTask(i, group))];
    }
}
