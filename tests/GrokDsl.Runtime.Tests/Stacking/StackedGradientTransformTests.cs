using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Stacking;
using static GrokDsl.Runtime.Tests.Stacking.StackedTrainingTests;

namespace GrokDsl.Runtime.Tests.Stacking;

/// <summary>Grokfast and ⊥Grad in stacks filter each run as its lone transform does, and checkpoint its state alike.</summary>
public sealed class StackedGradientTransformTests
{
    static readonly ModularAddition Small = new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Model = new() { EmbeddingWidth = 16, HiddenWidth = 32 },
        Training = new() { EvaluateEvery = 5, MeasureEvery = 10, CheckpointEvery = 10 },
        Stopping = new() { MaxSteps = 30, StopAfterGrokking = false },
    };

    static ModularAddition With(int seed, GradientFilter? filter, bool perpendicular = false) =>
        Small with { Seed = seed, Optimizer = Small.Optimizer with { GradientFilter = filter, PerpendicularGradient = perpendicular } };

    // Three stacks of two: each pair shares its transforms' kind (and the moving average's window) but not their strengths.
    static readonly RunSpec[] Runs =
    [
        With(0, new GrokfastEma { Alpha = 0.98, Lambda = 2 }).ToRunSpec(),
        With(1, new GrokfastEma { Alpha = 0.8, Lambda = 0.5 }).ToRunSpec(),
        With(2, new GrokfastMa { Window = 5, Lambda = 5, Warmup = true }).ToRunSpec(),
        With(3, new GrokfastMa { Window = 5, Lambda = 1, Warmup = true }).ToRunSpec(),
        With(4, null, perpendicular: true).ToRunSpec(),
        (With(5, null, perpendicular: true) with { Optimizer = Small.Optimizer with { PerpendicularGradient = true, LearningRate = 3e-3 } }).ToRunSpec(),
    ];

    sealed class StopAt(long step, CancellationTokenSource stop) : ITrainingObserver
    {
        public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
        {
            if (record.Step >= step) stop.Cancel();
        }
    }

    static List<RunResult> Alone(string runs, bool interrupt = false)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return [.. Runs.Select(spec =>
        {
            using var stop = new CancellationTokenSource();
            ITrainingObserver observer = interrupt ? new StopAt(17, stop) : SilentObserver.Instance;
            return new RunCoordinator(host, observer).Train(spec, runs, force: false, stop.Token);
        })];
    }

    // One sweep per pair, so that interrupting one stack does not keep the next from starting.
    static List<SweepResult> Stacked(string runs, bool interrupt = false)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return [.. Runs.Chunk(2).Select(pair =>
        {
            using var stop = new CancellationTokenSource();
            ITrainingObserver observer = interrupt ? new StopAt(17, stop) : SilentObserver.Instance;
            return new RunCoordinator(host, observer, new Placement(Stack: true)).Train(pair, runs, new RunControl(stop.Token));
        })];
    }

    static void AssertSameRuns(IReadOnlyList<RunResult> expected, IReadOnlyList<RunResult> actual)
    {
        for (var r = 0; r < Runs.Length; r++)
        {
            Assert.Equal(expected[r].Summary.FinalStep, actual[r].Summary.FinalStep);
            AssertSameMetrics(expected[r].Directory.ReadMetrics(out _), actual[r].Directory.ReadMetrics(out _), Runs[r].RunId);
        }
    }

    [Fact]
    public void FilteredRunsStackAndTheirFilterStateResumesAcrossStackedAndLoneTraining()
    {
        using var alone = new TempFolder();
        var reference = Alone(alone.Path);

        using var stackedFirst = new TempFolder();
        var interrupted = Stacked(stackedFirst.Path, interrupt: true);
        var resumedAlone = Alone(stackedFirst.Path);

        using var aloneFirst = new TempFolder();
        Alone(aloneFirst.Path, interrupt: true);
        var resumedStacked = Stacked(aloneFirst.Path);

        Assert.All(interrupted.Concat(resumedStacked), sweep => Assert.Equal(2, Assert.Single(sweep.Packing!.Stacks).Runs.Count));
        Assert.All(interrupted.SelectMany(s => s.Results), r => Assert.Equal(RunStatus.Interrupted, r.Summary.Status));
        Assert.All(resumedAlone, r => Assert.Equal(21, r.ResumedFromStep));
        Assert.All(resumedStacked.SelectMany(s => s.Results), r => Assert.Equal(21, r.ResumedFromStep));
        AssertSameRuns(reference, resumedAlone);
        AssertSameRuns(reference, [.. resumedStacked.SelectMany(s => s.Results)]);
    }

    [Fact]
    public void RunsWhoseTransformsDifferInKindOrWindowDoNotStack()
    {
        using var host = TestPlugins.LoadBuiltIns();
        RunSpec[] specs =
        [
            With(0, new GrokfastMa { Window = 5 }).ToRunSpec(),
            With(1, new GrokfastMa { Window = 6 }).ToRunSpec(),
            With(2, new GrokfastEma()).ToRunSpec(),
            With(3, new GrokfastEma(), perpendicular: true).ToRunSpec(),
            With(4, null).ToRunSpec(),
        ];

        var plan = StackPlanner.Plan(specs, host, StackingBudget.Default);

        Assert.Empty(plan.Stacks);
        Assert.All(plan.Alone, a => Assert.Contains("no other run shares", a.Reason));
    }
}
