namespace GrokDsl;

/// <summary>When a run ends.</summary>
public sealed record Stopping
{
    /// <summary>Hard step budget.</summary>
    [Range(Min = 1)]
    public int MaxSteps { get; init; } = 10_000;

    /// <summary>Stop once the model has grokked (after <see cref="Patience"/> more steps).</summary>
    public bool StopAfterGrokking { get; init; } = true;

    /// <summary>Steps to keep training after grokking, to see the curves settle.</summary>
    [Range(Min = 0)]
    public int Patience { get; init; }

    /// <summary>Stop when the loss becomes NaN or infinite, marking the run diverged.</summary>
    public bool StopWhenDiverged { get; init; } = true;

    /// <summary>Wall-clock budget in seconds (0: none).</summary>
    [Range(Min = 0)]
    public double MaxWallSeconds { get; init; }
}
