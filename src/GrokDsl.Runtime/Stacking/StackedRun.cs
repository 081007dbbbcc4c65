using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Runtime.Stacking;

/// <summary>
/// One run's share of a stack: its own components, metrics stream, checkpoints, batch order, grokking tracker and fate.
/// </summary>
/// <param name="torchRngState">torch's global generator state right after the run's components were created.</param>
/// <param name="resumeFrom">The checkpoint the run continues from, if any.</param>
/// <param name="observer">The stack's observer, told of the run's measures that fail.</param>
sealed class StackedRun(
    RunSpec spec, TrainingComponents components, MetricsFile metrics, CheckpointStore checkpoints, string torchRngState, Checkpoint? resumeFrom,
    ITrainingObserver observer) : IDisposable
{
    public RunSpec Spec { get; } = spec;
    public TrainingComponents Components { get; } = components;
    public MetricsFile Metrics { get; } = metrics;
    public RunCheckpoints Checkpoints { get; } = new(checkpoints, spec.Training.KeepCheckpoints);
    public Checkpoint? ResumeFrom { get; } = resumeFrom;
    public BatchSampler Sampler { get; } = new(components.Data.TrainInputs, components.Data.TrainTargets, spec.Training.BatchSize, spec.Seed);
    public GrokkingTracker Tracker { get; } = new(spec.Training.MemorizationThreshold, spec.Training.GrokkingThreshold);
    public RunMeasures Measures { get; } = new(spec, components.Measures, observer);

    // Stacked training draws nothing from torch's global generator, so the state the run's seeding and model creation
    // left is the one its lone trainer would checkpoint at any later step.
    public string TorchRngState { get; set; } = torchRngState;

    /// <summary>Training wall time before this attempt (from the checkpoint resumed).</summary>
    public double WallOffset { get; set; }

    /// <summary>Still training; a finished or diverged run is masked out of the optimizer step.</summary>
    public bool Active { get; set; } = true;
    public RunStatus Status { get; set; } = RunStatus.Censored;
    public string? Divergence { get; set; }
    public MetricRecord? Last { get; set; }
    public long FinalStep { get; set; }
    public double WallSeconds { get; set; }

    public TrainingOutcome Outcome() =>
        new(Status, FinalStep, Last?.TrainAccuracy ?? 0, Last?.TestAccuracy ?? 0, WallSeconds, Tracker, Divergence, Measures.Failures);

    public void Dispose() => Sampler.Dispose();
}
