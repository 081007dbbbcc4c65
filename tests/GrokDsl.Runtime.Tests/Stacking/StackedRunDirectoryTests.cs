using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Contracts;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Tests.Stacking;

/// <summary>
/// A stacked run's directory is the one the same run makes alone, file by file (<see cref="RunDirectoryComparison"/>):
/// measures on their own cadences and at each run's own events, failed measures, summaries with their analysis,
/// checkpoints and reports.
/// </summary>
public sealed class StackedRunDirectoryTests
{
    static readonly ModularAddition Small = new ModularAddition() with
    {
        // 106 test examples, so that one example flipped on a float tie stays within the accuracy tolerance.
        Data = new() { Modulus = 23, TrainFraction = 0.8 },
        Model = new() { EmbeddingWidth = 16, HiddenWidth = 32 },
        Training = new()
        {
            EvaluateEvery = 5,
            CheckpointEvery = 20,
            KeepCheckpoints = 1,
            // A lower grokking bar than usual, so that the fastest run memorizes (about step 30), then groks
            // (about step 80) within the few steps of a test.
            MemorizationThreshold = 0.9,
            GrokkingThreshold = 0.4,
            // Log-spaced steps between evaluations, and the events of each run; one measure on a cadence of its own.
            MeasureCadence = new() { Every = 0, PointsPerDecade = 4 },
            MeasureCadences = new Dictionary<string, MeasureCadence> { ["accuracy"] = new() { Every = 7, Events = MeasureEvents.Grokked } },
        },
        Stopping = new() { MaxSteps = 100, StopAfterGrokking = true, Patience = 10 },
        Measures = ["weight-norm", "accuracy"],
    };

    static RunSpec[] Runs(int batchSize)
    {
        var small = Small with { Training = Small.Training with { BatchSize = batchSize } };
        var broken = new ComponentRef(ComponentKind.Measure, "effective-rank", ComponentOptions.From(new EffectiveRank { Parameters = ["no-such-parameter"] }));
        var withBrokenMeasure = (small with { Seed = 2, Optimizer = small.Optimizer with { LearningRate = 3e-3 } }).ToRunSpec();
        return
        [
            (small with { Optimizer = small.Optimizer with { LearningRate = 5e-2 } }).ToRunSpec(),
            (small with { Seed = 1 }).ToRunSpec(),
            withBrokenMeasure with { Measures = [.. withBrokenMeasure.Measures, broken] },
            (small with { Seed = 3, Optimizer = small.Optimizer with { LearningRate = 1e30 } }).ToRunSpec(),
        ];
    }

    // Any report will do: what matters is that both paths write one.
    static void WriteReport(RunDirectory directory) => File.WriteAllText(directory.ReportPath, directory.Path);

    // Full batch, and mini-batches of 256 of the 423 training examples, a new order each epoch.
    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    public void A_stacked_run_directory_is_the_directory_of_the_same_run_made_alone(int batchSize)
    {
        var runs = Runs(batchSize);
        using var alone = new TempFolder();
        using var stacked = new TempFolder();
        using var host = TestPlugins.LoadBuiltIns();
        var single = new RunCoordinator(host, SilentObserver.Instance) { WriteReport = WriteReport };
        var aloneResults = runs.Select(spec => single.Train(spec, alone.Path, force: false, CancellationToken.None)).ToList();

        var result = new RunCoordinator(host, SilentObserver.Instance, new Placement(Stack: true)) { WriteReport = WriteReport }.Train(runs, stacked.Path, RunControl.None);

        Assert.Equal(runs.Length, Assert.Single(result.Packing!.Stacks).Runs.Count);
        for (var r = 0; r < runs.Length; r++) RunDirectoryComparison.AssertSameRun(aloneResults[r].Directory, result.Results[r].Directory);

        // What the comparison covers happened: a grokked run stopped early, measures ran between evaluations and
        // at its events, a measure failed, a run diverged.
        var grokked = result.Results[0].Summary;
        Assert.Equal(RunStatus.Grokked, grokked.Status);
        Assert.True(grokked.MemorizedAtStep < grokked.GrokkedAtStep, $"memorized at {grokked.MemorizedAtStep}, grokked at {grokked.GrokkedAtStep}");
        Assert.True(grokked.FinalStep < Small.Stopping.MaxSteps, $"the grokked run went on to step {grokked.FinalStep}");
        Assert.NotNull(grokked.Analysis);
        var metrics = result.Results[0].Directory.ReadMetrics(out _);
        Assert.Contains(metrics, m => m.TestLoss is null && m.Measures is not null);
        Assert.Contains(metrics, m => m.Step == grokked.MemorizedAtStep && m.Measures?.ContainsKey("weight-norm.total") == true);
        Assert.Contains(metrics, m => m.Step == grokked.GrokkedAtStep && m.Measures?.ContainsKey("accuracy.train") == true);
        Assert.Equal(RunStatus.Censored, result.Results[1].Summary.Status);
        Assert.Contains("no-such-parameter", Assert.Single(result.Results[2].Summary.FailedMeasures!).Value);
        Assert.Equal(RunStatus.Diverged, result.Results[3].Summary.Status);
    }
}
