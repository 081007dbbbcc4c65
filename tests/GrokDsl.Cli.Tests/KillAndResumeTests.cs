using System.Diagnostics;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class KillAndResumeTests
{
    const string Experiment = """
        namespace Lab;

        [Experiment("resumable")]
        public sealed partial record Resumable
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 31, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 64 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { BatchSize = 128, EvaluateEvery = 5, MeasureEvery = 50, CheckpointEvery = 25 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 2500, StopAfterGrokking = false };
            public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];
        }
        """;

    [Fact]
    public void ARunKilledWithSigkillResumesFromItsCheckpointAndMatchesAnUninterruptedRunExactly()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Resumable.cs", Experiment);
        var killed = Path.Combine(cli.Folder, "killed");
        var whole = Path.Combine(cli.Folder, "whole");
        var killAfter = Random.Shared.Next(100, 1000);

        using (var process = Process.Start(new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "GrokDsl.Cli"))
               {
                   ArgumentList = { "run", file, "--runs", killed, "--quiet" },
                   Environment = { ["GROKDSL_CACHE"] = Path.Combine(cli.Folder, "cache") },
                   RedirectStandardOutput = true,
                   RedirectStandardError = true,
               })!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (LastStep(killed) < killAfter && !process.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(20);
            if (process.HasExited) Assert.Fail($"the run ended before step {killAfter}: {process.StandardError.ReadToEnd()}");
            process.Kill(); // SIGKILL: no handler runs, no summary is written
            process.WaitForExit();
        }
        var runFolder = Directory.GetDirectories(Path.Combine(killed, "resumable")).Single();
        Assert.False(File.Exists(Path.Combine(runFolder, RunDirectory.SummaryFile)));

        var resumed = cli.Invoke("run", file, "--runs", killed);
        var reference = cli.Invoke("run", file, "--runs", whole, "--quiet");

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("resumed from the checkpoint at step", resumed.Output);
        Assert.Equal(0, reference.ExitCode);
        var expected = new RunDirectory(Directory.GetDirectories(Path.Combine(whole, "resumable")).Single()).ReadMetrics(out _);
        var actual = new RunDirectory(runFolder).ReadMetrics(out var skipped);
        Assert.Equal(0, skipped);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Step, e.TrainLoss, e.TrainAccuracy, e.TestLoss, e.TestAccuracy), (a.Step, a.TrainLoss, a.TrainAccuracy, a.TestLoss, a.TestAccuracy));
            Assert.Equal(e.Measures?.ToArray(), a.Measures?.ToArray());
        }
    }

    static long LastStep(string runs)
    {
        var metrics = Directory.Exists(runs) ? Directory.EnumerateFiles(runs, RunDirectory.MetricsFileName, SearchOption.AllDirectories).FirstOrDefault() : null;
        if (metrics is null) return -1;
        var records = MetricsFile.Read(metrics, out _);
        return records.Count == 0 ? -1 : records[^1].Step;
    }
}
