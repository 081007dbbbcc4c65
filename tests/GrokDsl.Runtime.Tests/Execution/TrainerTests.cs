using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Runtime.Tests.Execution;

public sealed class TrainerTests
{
    sealed class Recorder : ITrainingObserver
    {
        public List<string> FailedMeasures { get; } = [];
        public void OnMeasureFailed(string measureId, Exception error) => FailedMeasures.Add(measureId);
    }

    [Fact]
    public void ADivergingLossStopsTheRunAsDivergedNamingTheStep()
    {
        using var runs = new TempFolder();
        var spec = (new ModularAddition() with
        {
            Data = new() { Modulus = 23 },
            Optimizer = new() { LearningRate = 1e12, WeightDecay = 1.0 },
            Stopping = new() { MaxSteps = 200, StopAfterGrokking = false },
            Training = new() { EvaluateEvery = 1 },
        }).ToRunSpec();
        using var host = TestPlugins.LoadBuiltIns();

        var summary = new RunCoordinator(host, SilentObserver.Instance).Train(spec, runs.Path, false, CancellationToken.None).Summary;

        Assert.Equal(RunStatus.Diverged, summary.Status);
        // The training loss is watched at every step, so it is named with the step it first became non-finite.
        Assert.Matches(@"^(train loss became (NaN|Infinity|-Infinity) at step \d+|step \d+: test loss is (NaN|∞|-∞|Infinity)|step \d+: parameter)", summary.Divergence);
    }

    [Fact]
    public void AnInterruptedRunEndsAtItsNextEvaluationAsInterrupted()
    {
        using var runs = new TempFolder();
        var spec = (new ModularAddition() with { Stopping = new() { MaxSteps = 100_000 } }).ToRunSpec();
        using var host = TestPlugins.LoadBuiltIns();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var summary = new RunCoordinator(host, SilentObserver.Instance).Train(spec, runs.Path, false, cancellation.Token).Summary;

        Assert.Equal(RunStatus.Interrupted, summary.Status);
        Assert.Equal(0, summary.FinalStep);
    }

    [Fact]
    public void GrokkingTrackerRecordsTheFirstCrossingOnly()
    {
        var tracker = new GrokkingTracker(0.99, 0.95);
        tracker.Observe(10, 0.5, 0.1);
        tracker.Observe(20, 1.0, 0.2);
        tracker.Observe(30, 1.0, 0.96);
        tracker.Observe(40, 0.98, 0.5);
        tracker.Observe(50, 1.0, 0.99);

        Assert.Equal(20, tracker.MemorizedAtStep);
        Assert.Equal(30, tracker.GrokkedAtStep);
    }
}
