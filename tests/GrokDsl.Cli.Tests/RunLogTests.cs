using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Cli.Tests;

/// <summary>Each run keeps a log.txt of what the terminal showed of it, whatever the terminal was told (--quiet too).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RunLogTests
{
    const string TinyExperiment = """
        namespace Lab;

        [Experiment("tiny-log")]
        public sealed partial record TinyLog
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 10 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 20 };

            [Sweep(0, 1)] public int Seed { get; init; }
        }
        """;

    [Fact]
    public void EachRunLogsItsFolderItsProgressAndHowItEnded()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("TinyLog.cs", TinyExperiment);

        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet");

        Assert.True(exitCode == 0, error);
        var folders = Directory.GetDirectories(Path.Combine(cli.Runs, "tiny-log"));
        Assert.Equal(2, folders.Length);
        foreach (var folder in folders)
        {
            var runId = Path.GetFileName(folder);
            var lines = File.ReadAllLines(Path.Combine(folder, RunLog.FileName));
            Assert.Contains(lines, l => l.Contains($"INFO run tiny-log/{runId} -> {folder}"));
            Assert.Contains(lines, l => l.Contains("step      0") && l.Contains("train"));
            Assert.Contains(lines, l => l.Contains("finished: censored at step 20"));
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d INFO ", lines[0]);
        }
    }

    [Fact]
    public void AResumedRunAppendsToItsLog()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("TinyLog.cs", TinyExperiment);
        cli.Invoke("run", file, "--runs", cli.Runs, "--quiet");
        var folder = Directory.GetDirectories(Path.Combine(cli.Runs, "tiny-log"))[0];
        var log = Path.Combine(folder, RunLog.FileName);
        var first = File.ReadAllLines(log).Length;

        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet", "--force");

        Assert.True(exitCode == 0, error);
        var lines = File.ReadAllLines(log);
        Assert.True(lines.Length > first, string.Join('\n', lines));
        Assert.Equal(2, lines.Count(l => l.Contains("finished: censored at step 20")));
    }
}
