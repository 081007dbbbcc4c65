namespace GrokDsl.Runtime.Stacking;

/// <summary>Limits for packing runs into stacks.</summary>
/// <param name="MemoryBytes">Estimated memory one stack may use (CPU: configurable; set it to the free GPU memory on CUDA).</param>
/// <param name="MaxRunsPerStack">Upper bound on R, whatever the memory.</param>
public sealed record StackingBudget(long MemoryBytes, int MaxRunsPerStack)
{
    public static StackingBudget Default { get; } = new(4L << 30, 64);
}

/// <summary>Runs that train together as one stacked model.</summary>
/// <param name="Key">What they share: model, data, training and stopping settings.</param>
/// <param name="BytesPerRun">Estimated memory per run: parameters, gradients, the two AdamW moments, logits and data.</param>
public sealed record PlannedStack(string Key, IReadOnlyList<RunSpec> Runs, long BytesPerRun);

/// <summary>A run that trains by itself, and why.</summary>
public sealed record PlannedAlone(RunSpec Run, string Reason);

/// <summary>How a sweep was packed: stacks of two or more runs, and runs trained one by one.</summary>
public sealed record StackPlan(IReadOnlyList<PlannedStack> Stacks, IReadOnlyList<PlannedAlone> Alone)
{
    /// <summary>One line per stack and per lone run, for the terminal.</summary>
    public IEnumerable<string> Describe()
    {
        var index = 0;
        foreach (var stack in Stacks)
            yield return $"stack {++index}: {stack.Runs.Count} runs, ~{stack.BytesPerRun * stack.Runs.Count / (1024.0 * 1024):0.0} MiB ({stack.BytesPerRun / 1024.0:0} KiB per run): {string.Join(" ", stack.Runs.Select(r => r.RunId))}";
        foreach (var alone in Alone)
            yield return $"alone: {alone.Run.RunId} ({alone.Reason})";
    }
}
