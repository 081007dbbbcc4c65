namespace GrokDsl.Analysis;

/// <summary>
/// One phase as a step range [StartStep, EndStep] (consecutive phases share their boundary step), with
/// how each progress series changed across it: the value at the last measurement at or before EndStep
/// minus that at or before StartStep (the first measurement when none precedes). Null where the series is absent.
/// </summary>
public sealed record PhaseSpan(
    TrainingPhase Phase, long StartStep, long EndStep,
    double? TestLossChange, double? ExcludedLossChange, double? RestrictedLossChange, double? WeightNormChange);
