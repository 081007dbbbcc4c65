using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Runtime.Stacking;

/// <summary>One run's share of a stack: its own components, metrics stream, grokking tracker and fate.</summary>
sealed class StackedRun(RunSpec spec, TrainingComponents components, MetricsFile metrics)
{
    public RunSpec Spec { get; } = spec;
    public TrainingComponents Components { get; } = components;
    public MetricsFile Metrics { get; } = metrics;
    public GrokkingTracker Tracker { get; } = new(spec.Training.MemorizationThreshold, spec.Training.GrokkingThreshold);
    public List<(string Id, GrokDsl.Contracts.IProgressMeasure Measure)> Measures { get; } = [.. components.Measures];

    /// <summary>Still training; a finished or diverged run is masked out of the optimizer step.</summary>
    public bool Active { get; set; } = true;
    public RunStatus Status { get; set; } = RunStatus.Censored;
    public string? Divergence { get; set; }
    public MetricRecord? Last { get; set; }
    public long FinalStep { get; set; }
    public double WallSeconds { get; set; }

    public TrainingOutcome Outcome() =>
        new(Status, FinalStep, Last?.TrainAccuracy ?? 0, Last?.TestAccuracy ?? 0, WallSeconds, Tracker, Divergence);
}
