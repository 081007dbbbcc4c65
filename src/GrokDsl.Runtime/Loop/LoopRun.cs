using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Runtime.Loop;

/// <summary>
/// One run's share of a training loop, alone or in a stack: its own components, metrics stream, checkpoints, batch
/// order, grokking tracker, measures and fate. The loop decides everything about a run through this, run by run.
/// </summary>
/// <param name="index">The run's position in the loop (its slice of a stacked model).</param>
/// <param name="resumeFrom">The checkpoint the run continues from, if any.</param>
/// <param name="observer">Told of the run's measures that fail.</param>
public sealed class LoopRun(
    int index, RunSpec spec, TrainingComponents components, MetricsFile metrics, CheckpointStore checkpoints, Checkpoint? resumeFrom,
    ITrainingObserver observer) : IDisposable
{
    public int Index { get; } = index;
    public RunSpec Spec { get; } = spec;
    public TrainingComponents Components { get; } = components;
    public MetricsFile Metrics { get; } = metrics;
    internal RunCheckpoints Checkpoints { get; } = new(checkpoints, spec.Training.KeepCheckpoints, spec.Training.KeepCheckpointSchedule);
    public Checkpoint? ResumeFrom { get; } = resumeFrom;
    internal BatchSampler Sampler { get; } = new(components.Data.TrainInputs, components.Data.TrainTargets, spec.Training.BatchSize, spec.Seed);
    public GrokkingTracker Tracker { get; } = new(spec.Training.MemorizationThreshold, spec.Training.GrokkingThreshold);
    internal RunMeasures Measures { get; } = new(spec, components.Measures, observer);

    /// <summary>Training wall time before this attempt (from the checkpoint resumed).</summary>
    public double WallOffset { get; set; }

    /// <summary>Still training; a finished or diverged run takes no more optimizer steps and writes nothing more.</summary>
    public bool Active { get; private set; } = true;
    public RunStatus Status { get; set; } = RunStatus.Censored;
    public string? Divergence { get; set; }

    /// <summary>The first step this run's training loss was not finite, and its value, once the loop has read it.</summary>
    public (long Step, double Loss)? FirstNonFiniteLoss { get; set; }
    public MetricRecord? Last { get; set; }
    public long FinalStep { get; private set; }

    /// <summary>The step the loop is on (or last was on) for this run: what a failed run's summary reports as reached.</summary>
    public long ReachedStep { get; internal set; }
    public double WallSeconds { get; private set; }

    /// <summary>Continues from <see cref="ResumeFrom"/>: batch order, events so far and wall time (the engine restores the tensors).</summary>
    public void RestoreProgress(Checkpoint checkpoint)
    {
        Sampler.Restore(checkpoint.State.Sampler);
        Tracker.Restore(checkpoint.State.MemorizedAtStep, checkpoint.State.GrokkedAtStep);
        WallOffset = checkpoint.State.WallSeconds;
    }

    public void Finish(RunStatus status, long step, double wallSeconds) => (Active, Status, FinalStep, WallSeconds) = (false, status, step, wallSeconds);

    public LoopOutcome Outcome() =>
        new(Status, FinalStep, Last?.TrainAccuracy ?? 0, Last?.TestAccuracy ?? 0, WallSeconds, Tracker, Divergence, Measures.Failures);

    public void Dispose() => Sampler.Dispose();
}

/// <summary>How the training loop ended for one run.</summary>
/// <param name="FailedMeasures">Measure id → "ExceptionType: message" of the measures that threw; null when none did.</param>
public sealed record LoopOutcome(
    RunStatus Status, long FinalStep, double FinalTrainAccuracy, double FinalTestAccuracy,
    double WallSeconds, GrokkingTracker Tracker, string? Divergence, IReadOnlyDictionary<string, string>? FailedMeasures = null);
