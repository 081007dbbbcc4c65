namespace GrokDsl.Runtime.Stacking;

/// <summary>Runs that train together as one stacked model.</summary>
/// <param name="Key">What they share: model, data, training and stopping settings.</param>
/// <param name="BytesPerRun">Estimated memory per run: parameters, gradients, the two AdamW moments, activations, logits and data.</param>
public sealed record PlannedStack(string Key, IReadOnlyList<RunSpec> Runs, long BytesPerRun);

/// <summary>A run that trains by itself, and why.</summary>
public sealed record PlannedAlone(RunSpec Run, string Reason);

/// <summary>How a sweep was packed, within which budget: stacks of two or more runs, and runs trained one by one.</summary>
public sealed record StackPlan(IReadOnlyList<PlannedStack> Stacks, IReadOnlyList<PlannedAlone> Alone, StackingBudget Budget)
{
    /// <summary>The budget and where it came from, then one line per stack and per lone run, for the terminal.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"stack budget: {MemorySize.Describe(Budget.MemoryBytes)} and at most {Budget.MaxRunsPerStack} runs per stack ({Budget.Source})";
        var index = 0;
        foreach (var stack in Stacks)
            yield return $"stack {++index}: {stack.Runs.Count} runs, ~{stack.BytesPerRun * stack.Runs.Count / (1024.0 * 1024):0.0} MiB ({stack.BytesPerRun / 1024.0:0} KiB per run): {string.Join(" ", stack.Runs.Select(r => r.RunId))}";
        foreach (var alone in Alone)
            yield return $"alone: {alone.Run.RunId} ({alone.Reason})";
    }
}
