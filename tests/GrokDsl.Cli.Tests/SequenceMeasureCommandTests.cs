using GrokDsl.Runs;

namespace GrokDsl.Cli.Tests;

/// <summary><c>grokdsl measure</c> runs the sequence measures (attention, tree-projection) over a Dyck language model's checkpoints.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SequenceMeasureCommandTests
{
    const string TinyDyck = """
        namespace Lab;

        [Experiment("tiny-dyck-measured", Source = "Fixture et al. 2026")]
        public sealed partial record TinyDyckMeasured
        {
            public Dyck Data { get; init; } = new()
            {
                BracketTypes = 2, TrainDepth = 2, MaxDepth = 4, MinLength = 4, MaxLength = 8,
                TrainSamples = 32, InDistributionSamples = 16, GeneralizationSamples = 16,
            };
            public Transformer Model { get; init; } = new() { Layers = 1, Width = 16, Heads = 2, MlpWidth = 32, LanguageModelHead = true };
            public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 0.1 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 10, CheckpointEvery = 10, KeepCheckpointSchedule = KeepCheckpointSchedule.EveryCheckpoint };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 20, StopAfterGrokking = false };
            public IReadOnlyList<object> Measures { get; init; } = [new Attention { Samples = 8 }, new TreeProjection { Samples = 2 }];
        }
        """;

    [Fact]
    public void MeasuringADyckRunAppendsAttentionAndTreeProjectionAtEveryCheckpoint()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("TinyDyckMeasured.cs", TinyDyck);
        var made = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet");
        Assert.True(made.ExitCode == 0, made.Error);
        var run = Directory.GetDirectories(Path.Combine(cli.Runs, "tiny-dyck-measured")).Single();
        var live = new RunDirectory(run).ReadMetrics().Records.Where(r => r.Measures is not null).ToList();
        Assert.Contains(live, r => r.Measures!.ContainsKey("tree-projection.t_score") && r.Measures.ContainsKey("attention.layer0.entropy"));

        var measured = cli.Invoke("measure", run, "--measures", "attention,tree-projection");

        Assert.True(measured.ExitCode == 0, measured.Error);
        var passes = new RunDirectory(run).ReadMetrics().Records.Where(r => r.Pass == MetricsView.PostHocPass).ToList();
        Assert.Equal([0L, 10, 20], passes.Select(r => r.Step));
        Assert.All(passes, r =>
        {
            Assert.Equal(2, r.Measures!["tree-projection.sentences"]);
            Assert.True(double.IsFinite(r.Measures["tree-projection.t_score"]));
            Assert.InRange(r.Measures["attention.entropy"], 0, Math.Log(12));
        });
    }
}
