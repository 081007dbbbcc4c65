using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Stacking;
using static GrokDsl.Runtime.Tests.Stacking.StackedTrainingTests;

namespace GrokDsl.Runtime.Tests.Stacking;

/// <summary>Stacked runs checkpoint and resume as runs made alone do, into the same files, interchangeably.</summary>
public sealed class StackedResumeTests
{
    // Mini-batches, so a resumed run must also continue each run's own batch order.
    static readonly ModularAddition Small = new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Model = new() { EmbeddingWidth = 16, HiddenWidth = 32 },
        Training = new() { BatchSize = 64, EvaluateEvery = 5, MeasureEvery = 10, CheckpointEvery = 10, KeepCheckpoints = 2 },
        Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
    };

    static readonly RunSpec[] Runs =
    [
        Small.ToRunSpec(),
        (Small with { Seed = 1, Optimizer = Small.Optimizer with { LearningRate = 3e-3, WeightDecay = 0.1 } }).ToRunSpec(),
        (Small with { Seed = 2, Optimizer = Small.Optimizer with { WarmupSteps = 5 } }).ToRunSpec(),
    ];

    /// <summary>Stops training (as SIGINT would) once a given step has been evaluated.</summary>
    sealed class StopAt(long step, CancellationTokenSource stop) : ITrainingObserver
    {
        public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
        {
            if (record.Step >= step) stop.Cancel();
        }
    }

    sealed class Warnings : ITrainingObserver
    {
        public List<string> Messages { get; } = [];

        public void OnWarning(string message) => Messages.Add(message);
    }

    static SweepResult Stacked(string runs, ITrainingObserver observer, CancellationToken stop = default)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return new RunCoordinator(host, observer, new Placement(Stack: true)).Train(Runs, runs, new RunControl(stop));
    }

    static SweepResult InterruptedStack(string runs)
    {
        using var stop = new CancellationTokenSource();
        return Stacked(runs, new StopAt(17, stop), stop.Token);
    }

    static List<RunResult> Alone(string runs, long? stopAt = null)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return [.. Runs.Select(spec =>
        {
            using var stop = new CancellationTokenSource();
            ITrainingObserver observer = stopAt is { } step ? new StopAt(step, stop) : SilentObserver.Instance;
            return new RunCoordinator(host, observer).Train(spec, runs, force: false, stop.Token);
        })];
    }

    static void AssertSameRuns(IReadOnlyList<RunResult> expected, IReadOnlyList<RunResult> actual)
    {
        for (var r = 0; r < Runs.Length; r++)
        {
            Assert.Equal(expected[r].Summary.Status, actual[r].Summary.Status);
            Assert.Equal(expected[r].Summary.FinalStep, actual[r].Summary.FinalStep);
            AssertSameMetrics(expected[r].Directory.ReadMetrics(out _), actual[r].Directory.ReadMetrics(out var skipped), Runs[r].RunId);
            Assert.Equal(0, skipped);
        }
    }

    static List<string> CheckpointSteps(RunResult run) =>
        [.. Directory.GetDirectories(new CheckpointStore(run.Directory.Path).Folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void MiniBatchStacksTrainAsLoneRunsAndAnInterruptedStackResumesAsTheUninterruptedOne()
    {
        using var whole = new TempFolder();
        using var split = new TempFolder();
        using var alone = new TempFolder();
        var reference = Stacked(whole.Path, SilentObserver.Instance).Results;
        var lone = Alone(alone.Path);

        var first = InterruptedStack(split.Path);
        var second = Stacked(split.Path, SilentObserver.Instance);

        AssertSameRuns(lone, reference);
        Assert.All(first.Results, r => Assert.Equal(RunStatus.Interrupted, r.Summary.Status));
        Assert.All(first.Results, r => Assert.Equal(21, r.Summary.FinalStep)); // evaluated 20 (≥ 17), stopped at the top of 21
        Assert.Equal(Runs.Length, Assert.Single(second.Packing!.Stacks).Runs.Count);
        Assert.All(second.Results, r => Assert.Equal(21, r.ResumedFromStep));
        AssertSameRuns(reference, second.Results);
        AssertSameRuns(lone, second.Results);
        for (var r = 0; r < Runs.Length; r++)
        {
            // The same checkpoints as the lone run's, and in them the same state: steps, events, batch order, torch's generator.
            Assert.Equal(CheckpointSteps(lone[r]), CheckpointSteps(reference[r]));
            var stackedState = new CheckpointStore(reference[r].Directory.Path).LoadLatest(_ => { })!.State;
            var loneState = new CheckpointStore(lone[r].Directory.Path).LoadLatest(_ => { })!.State;
            Assert.Equal(loneState with { WallSeconds = 0, Files = stackedState.Files }, stackedState with { WallSeconds = 0 }, new StateComparer());
            Assert.Equal(loneState.Files.Keys.Order(), stackedState.Files.Keys.Order());
        }
    }

    [Fact]
    public void AStackedCheckpointResumesAloneAndALoneOneResumesStacked()
    {
        using var alone = new TempFolder();
        var reference = Alone(alone.Path);

        using var stackedFirst = new TempFolder();
        InterruptedStack(stackedFirst.Path);
        var resumedAlone = Alone(stackedFirst.Path);

        using var aloneFirst = new TempFolder();
        var interrupted = Alone(aloneFirst.Path, stopAt: 17);
        var resumedStacked = Stacked(aloneFirst.Path, SilentObserver.Instance);

        Assert.All(resumedAlone, r => Assert.Equal(21, r.ResumedFromStep));
        Assert.All(interrupted, r => Assert.Equal(RunStatus.Interrupted, r.Summary.Status));
        Assert.Equal(Runs.Length, Assert.Single(resumedStacked.Packing!.Stacks).Runs.Count);
        Assert.All(resumedStacked.Results, r => Assert.Equal(21, r.ResumedFromStep));
        AssertSameRuns(reference, resumedAlone);
        AssertSameRuns(reference, resumedStacked.Results);
    }

    [Fact]
    public void ACorruptCheckpointInOneRunIsSkippedWithAWarningAndThatRunResumesFromTheOneBefore()
    {
        using var alone = new TempFolder();
        var reference = Alone(alone.Path);
        using var runs = new TempFolder();
        var first = InterruptedStack(runs.Path);
        var newest = Path.Combine(new CheckpointStore(first.Results[0].Directory.Path).Folder, "step-000000021");
        var model = Path.Combine(newest, "model.bin");
        File.WriteAllBytes(model, File.ReadAllBytes(model)[..100]);

        var observer = new Warnings();
        var second = Stacked(runs.Path, observer);

        var warning = Assert.Single(observer.Messages);
        Assert.Contains(newest, warning);
        Assert.Contains("model.bin does not match its checksum", warning);
        Assert.Equal(20, second.Results[0].ResumedFromStep);
        Assert.Equal([Runs[1].RunId, Runs[2].RunId], Assert.Single(second.Packing!.Stacks).Runs.Select(r => r.RunId));
        Assert.All(second.Results.Skip(1), r => Assert.Equal(21, r.ResumedFromStep));
        AssertSameRuns(reference, second.Results);
    }

    // Checkpoint states compare by value, their lists and dictionaries included.
    sealed class StateComparer : IEqualityComparer<CheckpointState>
    {
        public bool Equals(CheckpointState? x, CheckpointState? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(CheckpointState obj) => 0;
    }
}
