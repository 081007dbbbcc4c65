namespace GrokDsl.Analysis;

/// <summary>
/// What counts as memorizing and grokking. The defaults are the project's: train accuracy 0.99 and
/// test accuracy 0.95 (Grokfast's 95 %; Power et al. use 99 %), first crossing.
/// </summary>
public sealed record GrokkingCriteria
{
    /// <summary>Train accuracy at which the model has memorized.</summary>
    public double MemorizationThreshold { get; init; } = 0.99;

    /// <summary>Test accuracy at which the model has grokked.</summary>
    public double GrokkingThreshold { get; init; } = 0.95;

    /// <summary>
    /// When set, a crossing counts only if every test evaluation in [step, step + window] stays at or above
    /// the threshold and the metrics reach step + window; a run that ends inside the window has not (yet) grokked.
    /// </summary>
    public long? StaysAboveForSteps { get; init; }

    /// <summary>
    /// When true, a crossing counts only if every later test evaluation stays at or above the threshold:
    /// the "first step from which test accuracy stays ≥ 95 %" of the helpmatteo harness.
    /// </summary>
    public bool StaysAboveUntilEnd { get; init; }
}
