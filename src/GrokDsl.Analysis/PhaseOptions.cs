namespace GrokDsl.Analysis;

/// <summary>Settings of <see cref="Phases.Segment"/>; the measure keys are those the built-in measures write.</summary>
public sealed record PhaseOptions
{
    public string ExcludedLossKey { get; init; } = "excluded-loss.loss";
    public string RestrictedLossKey { get; init; } = "restricted-loss.loss";
    public string WeightNormKey { get; init; } = "weight-norm.total";

    /// <summary>Train accuracy at which memorization can end.</summary>
    public double MemorizationThreshold { get; init; } = 0.99;

    /// <summary>Share of the test loss's log-space fall after which cleanup has started.</summary>
    public double CleanupStartFraction { get; init; } = 0.1;

    /// <summary>Share of the test (and restricted) loss's log-space fall after which cleanup has ended.</summary>
    public double CleanupEndFraction { get; init; } = 0.9;

    /// <summary>The test loss must fall by at least this many decades from its peak for a cleanup to exist.</summary>
    public double MinimumFallDecades { get; init; } = 1;
}
