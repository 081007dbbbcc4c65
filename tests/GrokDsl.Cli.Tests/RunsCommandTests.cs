using System.Text.Json;

namespace GrokDsl.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class RunsCommandTests
{
    const string Experiment = """
        namespace Lab;

        [Experiment("stored")]
        public sealed partial record Stored
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 10 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 10 };

            [Sweep(0, 1)] public int Seed { get; init; }
        }
        """;

    [Fact]
    public void ListFiltersBySweptValueShowIncludesTheEnvironmentAndRmRemovesByFilter()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Stored.cs", Experiment);
        Assert.Equal(0, cli.Invoke("run", file, "--runs", cli.Runs, "--quiet").ExitCode);

        var listed = JsonDocument.Parse(cli.Invoke("runs", "list", "--runs", cli.Runs, "--where", "Seed=1", "--json").Output).RootElement;
        var run = Assert.Single(listed.EnumerateArray());
        var runId = run.GetProperty("runId").GetString()!;

        var shown = JsonDocument.Parse(cli.Invoke("runs", "show", runId[..8], "--runs", cli.Runs, "--json").Output).RootElement;
        Assert.Equal(1, shown.GetProperty("configuration").GetProperty("Seed").GetInt32());
        Assert.Contains("[Experiment(\"stored\")]", shown.GetProperty("environment").GetProperty("experimentSource").GetString());
        Assert.Equal(file, shown.GetProperty("environment").GetProperty("experimentOrigin").GetString());

        var missing = cli.Invoke("runs", "show", "no-such-run", "--runs", cli.Runs);
        Assert.Equal(ExitCodes.Failed, missing.ExitCode);
        Assert.Contains("no single run 'no-such-run'", missing.Error);

        var removed = cli.Invoke("runs", "rm", "--runs", cli.Runs, "--where", "Seed=1", "--yes");
        Assert.Equal(0, removed.ExitCode);
        Assert.Contains($"removed stored/{runId}", removed.Output);
        Assert.Single(Directory.GetDirectories(Path.Combine(cli.Runs, "stored")));
    }

    [Fact]
    public void ListShowsEachRunsSeedItsSweptValuesAndWhenItStarted()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Stored.cs", Experiment);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Equal(0, cli.Invoke("run", file, "--runs", cli.Runs, "--sweep", "Optimizer.WeightDecay=0.1,1", "--quiet").ExitCode);

        var listed = JsonDocument.Parse(cli.Invoke("runs", "list", "--runs", cli.Runs, "--json").Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(4, listed.Count);
        var rows = listed.Select(run => (Seed: run.GetProperty("seed").GetString(), Swept: run.GetProperty("swept").GetString())).Order().ToList();
        // The sweep differs in the seed (its own column) and the weight decay (the swept column).
        Assert.Equal([("0", "Optimizer.WeightDecay=0.1"), ("0", "Optimizer.WeightDecay=1"), ("1", "Optimizer.WeightDecay=0.1"), ("1", "Optimizer.WeightDecay=1")], rows);
        Assert.All(listed, run => Assert.InRange(run.GetProperty("startedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow));

        var table = cli.Invoke("runs", "list", "--runs", cli.Runs).Output;
        var header = table.Split('\n').First(line => line.Contains("experiment"));
        Assert.True(header.IndexOf("seed", StringComparison.Ordinal) < header.IndexOf("swept", StringComparison.Ordinal)
                    && header.IndexOf("swept", StringComparison.Ordinal) < header.IndexOf("started", StringComparison.Ordinal), header);
    }
}
