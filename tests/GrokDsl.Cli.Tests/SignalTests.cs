using GrokDsl.Runs;

namespace GrokDsl.Cli.Tests;

/// <summary>
/// Real signals to a real <c>grokdsl run</c> process: SIGUSR1 checkpoints and carries on, SIGTERM
/// checkpoints and stops as interrupted (exit code 130) so the next run resumes, a second SIGINT aborts at once.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignalTests
{
    const int SigInt = GrokdslProcess.SigInt, SigUsr1 = GrokdslProcess.SigUsr1, SigTerm = GrokdslProcess.SigTerm;

    static string Experiment(int modulus, int embedding, int hidden, int checkpointEvery) => $$"""
        namespace Lab;

        [Experiment("signalled")]
        public sealed partial record Signalled
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = {{modulus}}, TrainFraction = 0.9 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = {{embedding}}, HiddenWidth = {{hidden}} };
            // A learning rate too small to learn anything: no memorization or grokking checkpoints, only the requested ones.
            public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-9, WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 1000, CheckpointEvery = {{checkpointEvery}} };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 100000, StopAfterGrokking = false };
        }
        """;

    /// <summary>A <c>grokdsl run</c> child process of the experiment above.</summary>
    sealed class RunProcess(CliHarness cli, string file, string runs) : GrokdslProcess(cli, "run", file, "--runs", runs, "--quiet")
    {
        public string Runs => runs;

        public string RunFolder => Directory.GetDirectories(Path.Combine(Runs, "signalled")).Single();

        public long LastStep()
        {
            var metrics = Directory.Exists(Runs) ? Directory.EnumerateFiles(Runs, RunDirectory.MetricsFileName, SearchOption.AllDirectories).FirstOrDefault() : null;
            var records = metrics is null ? [] : MetricsFile.Read(metrics, out _);
            return records.Count == 0 ? -1 : records[^1].Step;
        }

        public string[] Checkpoints() =>
            Directory.Exists(Path.Combine(RunFolder, "checkpoints"))
                ? [.. Directory.GetDirectories(Path.Combine(RunFolder, "checkpoints"), "step-*").Select(folder => Path.GetFileName(folder)).Order(StringComparer.Ordinal)]
                : [];
    }

    [Fact]
    public void Sigusr1CheckpointsAndCarriesOnThenSigtermStopsAsInterruptedAndTheNextRunResumes()
    {
        using var cli = new CliHarness();
        // Checkpoints only on request (the cadence is far beyond where the test stops the run).
        var file = cli.WriteFile("Signalled.cs", Experiment(modulus: 23, embedding: 16, hidden: 32, checkpointEvery: 1_000_000));
        using var run = new RunProcess(cli, file, Path.Combine(cli.Folder, "runs"));

        run.WaitFor("step 20", () => run.LastStep() >= 20);
        run.Signal(SigUsr1);
        run.WaitFor("the requested checkpoint", () => run.Checkpoints().Length == 1);
        var requested = run.LastStep();
        run.WaitFor("training to carry on", () => run.LastStep() >= requested + 20);

        run.Signal(SigTerm);
        run.WaitForExit();

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.Contains("SIGUSR1: writing a checkpoint", run.Errors);
        Assert.Contains("SIGTERM: checkpointing and stopping", run.Errors);
        var directory = new RunDirectory(run.RunFolder);
        var summary = directory.ReadSummary()!;
        Assert.Equal(RunStatus.Interrupted, summary.Status);
        Assert.Equal(2, run.Checkpoints().Length); // the requested one and the one taken on SIGTERM
        Assert.Contains("\"interrupted\"", File.ReadAllText(Path.Combine(run.RunFolder, "checkpoints", run.Checkpoints()[^1], "state.json")));

        // The next run of the same experiment resumes it from the SIGTERM checkpoint; SIGTERM ends it again.
        using var resumed = new RunProcess(cli, file, run.Runs);
        resumed.WaitFor("the resumed run to train", () => resumed.LastStep() > summary.FinalStep);
        resumed.Signal(SigTerm);
        resumed.WaitForExit();
        Assert.Equal(ExitCodes.Interrupted, resumed.ExitCode);
        Assert.Contains($"resumed from the checkpoint at step {summary.FinalStep}", resumed.Output);
        var records = directory.ReadMetrics(out var skipped);
        Assert.Equal(0, skipped);
        Assert.Equal(records.Select(r => r.Step).Distinct().Count(), records.Count); // nothing evaluated twice
    }

    [Fact]
    public void ASecondSigintAbortsAtOnceWithoutFinishingTheStep()
    {
        using var cli = new CliHarness();
        // Steps of a second or more, so a graceful stop (finish the step, checkpoint, summary) is far slower than an abort.
        var file = cli.WriteFile("Signalled.cs", Experiment(modulus: 97, embedding: 128, hidden: 4096, checkpointEvery: 1_000_000));
        using var run = new RunProcess(cli, file, Path.Combine(cli.Folder, "runs"));

        run.WaitFor("the first evaluation", () => run.LastStep() >= 0);
        run.Signal(SigInt);
        run.WaitFor("the first SIGINT to be handled", () => run.Errors.Contains("SIGINT: checkpointing and stopping"));
        run.Signal(SigInt);
        run.WaitForExit(seconds: 30);

        Assert.NotEqual(0, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(run.RunFolder, RunDirectory.SummaryFile)), "the run stopped gracefully instead of aborting");
        Assert.Empty(run.Checkpoints());
    }
}
