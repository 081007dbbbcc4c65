using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Tests.Sequences;

/// <summary>A language-model run on dyck end to end: per-split metrics, bit-identical resume, and no stacking.</summary>
public sealed class SequenceRunTests
{
    // Mini-batches, so the resumed run must also restore the sampler's generator and epoch order.
    static readonly RunSpec Spec = (Murty2023Dyck.Smoke with
    {
        Training = new() { BatchSize = 16, EvaluateEvery = 5, MeasureEvery = 10, CheckpointEvery = 10, KeepCheckpoints = 2 },
        Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
    }).ToRunSpec();

    /// <summary>Stops the run (as SIGINT would) once a given step has been evaluated.</summary>
    sealed class StopAt(long step, CancellationTokenSource stop) : ITrainingObserver
    {
        public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
        {
            if (record.Step >= step) stop.Cancel();
        }
    }

    static RunResult Execute(string runs, ITrainingObserver observer, CancellationToken stop = default)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return new RunCoordinator(host, observer).Train(Spec, runs, force: false, stop);
    }

    // Records compare field by field; the dictionaries as text, every number in round-trip form.
    static IEnumerable<object> Comparable(IEnumerable<MetricRecord> metrics) =>
        metrics.Select(m => (object)(
            m with { WallSeconds = 0, Measures = null, Splits = null },
            string.Join(",", m.Measures?.Select(kv => $"{kv.Key}={kv.Value:R}") ?? []),
            string.Join(",", m.Splits?.Select(kv => $"{kv.Key}={kv.Value.Loss:R}/{kv.Value.Accuracy:R}") ?? [])));

    [Fact]
    public void EvaluationsRecordTheGeneralizationSplitAsTheTestSplitAndTheInDistributionSplitBesideIt()
    {
        using var runs = new TempFolder();
        var result = Execute(runs.Path, SilentObserver.Instance);
        var metrics = result.Directory.ReadMetrics(out _);

        Assert.Equal(RunStatus.Censored, result.Summary.Status);
        var evaluated = metrics.Where(m => m.TestAccuracy is not null).ToList();
        Assert.Equal(9, evaluated.Count); // steps 0, 5, …, 40
        Assert.All(evaluated, m =>
        {
            Assert.NotNull(m.Splits);
            Assert.Equal(["generalization", "in-distribution"], m.Splits!.Keys);
            Assert.Equal(m.TestAccuracy, m.Splits["generalization"].Accuracy);
            Assert.Equal(m.TestLoss, m.Splits["generalization"].Loss);
            Assert.InRange(m.Splits["in-distribution"].Accuracy, 0, 1);
            Assert.True(double.IsFinite(m.Splits["in-distribution"].Loss));
        });
        Assert.All(metrics.Where(m => m.TestAccuracy is null), m => Assert.Null(m.Splits));
    }

    [Fact]
    public void AnInterruptedSequenceRunResumesBitIdenticalToAnUninterruptedOne()
    {
        using var whole = new TempFolder();
        using var split = new TempFolder();
        var reference = Execute(whole.Path, SilentObserver.Instance);

        using var stop = new CancellationTokenSource();
        var first = Execute(split.Path, new StopAt(17, stop), stop.Token);
        var second = Execute(split.Path, SilentObserver.Instance);

        Assert.Equal(RunStatus.Interrupted, first.Summary.Status);
        Assert.Equal(21, first.Summary.FinalStep); // evaluated 20 (≥ 17), then stopped at the top of step 21
        Assert.Equal(21, second.ResumedFromStep);
        Assert.Equal(reference.Summary.Status, second.Summary.Status);
        Assert.Equal(Comparable(reference.Directory.ReadMetrics(out _)), Comparable(second.Directory.ReadMetrics(out _)));
    }

    [Fact]
    public void SequenceRunsAreNotStackedAndThePlanSaysWhy()
    {
        using var host = TestPlugins.LoadBuiltIns();
        var specs = new[] { Spec, (Murty2023Dyck.Smoke with { Seed = 1 }).ToRunSpec() };

        var plan = StackPlanner.Plan(specs, host, StackingBudget.Default);

        Assert.Empty(plan.Stacks);
        Assert.All(plan.Alone, alone => Assert.Equal("stacking does not support sequence datasets yet", alone.Reason));
    }
}
