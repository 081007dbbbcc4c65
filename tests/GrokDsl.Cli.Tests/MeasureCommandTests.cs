using GrokDsl.Runs;

namespace GrokDsl.Cli.Tests;

/// <summary><c>grokdsl measure</c> on a sweep directory: each run's spec found again from its directory, a pass appended, reports re-rendered.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class MeasureCommandTests
{
    const string Tiny = """
        namespace Lab;

        [Experiment("tiny-measured", Source = "Fixture et al. 2026")]
        public sealed partial record TinyMeasured
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 8, HiddenWidth = 16 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 10, CheckpointEvery = 10, KeepCheckpointSchedule = KeepCheckpointSchedule.EveryCheckpoint };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 20 };
            public IReadOnlyList<string> Measures { get; init; } = ["weight-norm", "restricted-loss"];

            [Sweep(0, 1)] public int Seed { get; init; }
        }
        """;

    [Fact]
    public void MeasuringASweepAppendsAPassToEveryRunAndARerunAddsNothing()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("TinyMeasured.cs", Tiny);
        var made = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet");
        Assert.True(made.ExitCode == 0, made.Error);
        var sweep = Path.Combine(cli.Runs, "tiny-measured");

        var measured = cli.Invoke("measure", sweep, "--measures", "restricted-loss,fourier");

        Assert.True(measured.ExitCode == 0, measured.Error);
        Assert.Equal(2, measured.Output.Split('\n').Count(l => l.Contains("measured 3 checkpoint(s), 0 already measured, 0 corrupt; key frequencies", StringComparison.Ordinal)));
        foreach (var run in Directory.GetDirectories(sweep))
        {
            var passes = new RunDirectory(run).ReadMetrics().Records.Where(r => r.Pass == MetricsView.PostHocPass).ToList();
            Assert.Equal([0L, 10, 20], passes.Select(r => r.Step));
            Assert.Contains(passes, r => r.Measures!.ContainsKey("fourier.embedding.gini"));
        }

        var again = cli.Invoke("measure", sweep, "--measures", "restricted-loss,fourier");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(2, again.Output.Split('\n').Count(l => l.Contains("measured 0 checkpoint(s), 3 already measured", StringComparison.Ordinal)));
    }

    const string OneHot = """
        namespace Lab;

        [Experiment("tiny-one-hot", Source = "Fixture et al. 2026")]
        public sealed partial record TinyOneHot
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 17, TrainFraction = 0.5, Encoding = "one-hot" };
            public Mlp Model { get; init; } = new() { Depth = 1, HiddenWidth = 32, Activation = "quadratic", Bias = false, Input = "flat" };
            public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-2, WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 10, CheckpointEvery = 10, Loss = LossFunction.Mse };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 20, StopAfterGrokking = false };
            public IReadOnlyList<string> Measures { get; init; } = ["fourier"];
        }
        """;

    [Fact]
    public void PruningByIprReportsTheAccuracyBeforeAndAfterOnAOneHotMlp()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("TinyOneHot.cs", OneHot);
        var made = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet");
        Assert.True(made.ExitCode == 0, made.Error);
        var run = Directory.GetDirectories(Path.Combine(cli.Runs, "tiny-one-hot")).Single();

        var pruned = cli.Invoke("measure", run, "--prune-by", "ipr", "--fraction", "0.5");

        Assert.True(pruned.ExitCode == 0, pruned.Error);
        Assert.Matches(@"pruning at step 20: 16 neuron\(s\) \(IPR ≤ [0-9.]+\); train accuracy [0-9.]+ ?% → [0-9.]+ ?%, test accuracy", pruned.Output);
        var last = new RunDirectory(run).ReadMetrics().Records.Last(r => r.Pass is not null);
        Assert.True(last.Measures!.ContainsKey("fourier.embedding.ipr"));
    }

    [Fact]
    public void AStepWithoutACheckpointIsRefused()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("TinyMeasured.cs", Tiny);
        Assert.Equal(0, cli.Invoke("run", file, "--runs", cli.Runs, "--quiet", "--set", "Seed=0").ExitCode);
        var run = Directory.GetDirectories(Path.Combine(cli.Runs, "tiny-measured")).Single();

        var refused = cli.Invoke("measure", run, "--key-frequencies-from", "15");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no valid checkpoint at step 15", refused.Error);
    }
}
