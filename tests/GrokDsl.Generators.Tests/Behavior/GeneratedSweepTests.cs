namespace GrokDsl.Generators.Tests.Behavior;

/// <summary>What the generated sweep expansion does when it runs, not only how it reads.</summary>
public sealed class GeneratedSweepTests
{
    const string Components = """
            public ModularArithmetic Data { get; init; } = new();
            public Mlp Model { get; init; } = new();
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
        """;

    [Fact]
    public void GridZipAndExclusion_ExpandInDeclarationOrder()
    {
        var experiment = Assert.Single(TestHelper.LoadExperiments($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("expand")]
            public sealed partial record Expand
            {
            {{Components}}
                [SweepRange(0, 2)] public int Seed { get; init; }
                [SweepLogRange(1e-4, 1e-2, 3, Zip = "schedule")]
                public double LearningRate { get => Optimizer.LearningRate; init => Optimizer = Optimizer with { LearningRate = value }; }
                [Sweep(100, 10, 1, Zip = "schedule")] public int Warmup { get; init; }
                [SweepExclusion] bool OneSeedForTheSlowestRate() => LearningRate < 1e-3 && Seed > 0;
            }
            """));

        var runs = experiment.ExpandSweep().Select(static run => run.ToRunSpec()).ToList();

        // Seeds 0..2 by three (rate, warmup) pairs, less seeds 1 and 2 of the 1e-4 pair.
        Assert.Equal(
            ["0 0.0001", "0 0.001", "0 0.01", "1 0.001", "1 0.01", "2 0.001", "2 0.01"],
            runs.Select(static r => $"{r.Seed} {r.Optimizer.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.Equal(runs.Count, runs.Select(static r => r.RunId).Distinct().Count());
        Assert.All(runs, static r => Assert.Contains("\"Warmup\"", r.Configuration, StringComparison.Ordinal));
    }

    [Fact]
    public void RunId_IsTheHashOfTheCanonicalConfiguration()
    {
        var source = $$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("hash")]
            public sealed partial record Hash
            {
            {{Components}}
                [Sweep(1, 2, 1)] public int Seed { get; init; }
            }
            """;

        var runs = Assert.Single(TestHelper.LoadExperiments(source)).ExpandSweep().Select(static run => run.ToRunSpec()).ToList();
        var again = Assert.Single(TestHelper.LoadExperiments(source)).ExpandSweep().Select(static run => run.ToRunSpec()).ToList();

        Assert.Equal(runs.Select(static r => r.RunId), again.Select(static r => r.RunId));
        Assert.Equal(runs[0].RunId, runs[2].RunId);
        Assert.NotEqual(runs[0].RunId, runs[1].RunId);
        Assert.All(runs, static r => Assert.Equal(GrokDsl.Configuration.RunIds.FromStoredConfiguration(r.Configuration), r.RunId));
    }
}
