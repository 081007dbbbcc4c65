namespace GrokDsl.Analysis;

/// <summary>Grokking statistics over the seeds of one configuration, censoring included.</summary>
/// <param name="MedianGrokkingStep">The Kaplan–Meier median with its seeded bootstrap interval; equal to a median of the grokking steps only when no run is censored.</param>
public sealed record SeedAggregate(
    int Runs, int Grokked, double FractionGrokked, ConfidenceInterval MedianGrokkingStep, KaplanMeierCurve Survival);
