using System.Diagnostics;
using System.Runtime.InteropServices;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Tests;

/// <summary>
/// Real signals to a real <c>grokdsl run</c> process: SIGUSR1 checkpoints and carries on, SIGTERM
/// checkpoints and stops as interrupted (exit code 130) so the next run resumes, a second SIGINT aborts at once.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignalTests
{
    const int SigInt = 2, SigUsr1 = 10, SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

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

    /// <summary>A <c>grokdsl run</c> child process whose standard error is collected line by line.</summary>
    sealed class RunProcess : IDisposable
    {
        readonly Process _process;
        readonly List<string> _errors = [];
        readonly List<string> _output = [];

        public RunProcess(CliHarness cli, string file, string runs)
        {
            _process = new Process
            {
                StartInfo = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "GrokDsl.Cli"))
                {
                    ArgumentList = { "run", file, "--runs", runs, "--quiet" },
                    Environment = { ["GROKDSL_CACHE"] = Path.Combine(cli.Folder, "cache") },
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                },
            };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_errors) _errors.Add(e.Data); };
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
            _process.Start();
            _process.BeginErrorReadLine();
            _process.BeginOutputReadLine();
            Runs = runs;
        }

        public string Runs { get; }
        public bool HasExited => _process.HasExited;
        public int ExitCode => _process.ExitCode;
        public string Errors { get { lock (_errors) return string.Join("\n", _errors); } }
        public string Output { get { lock (_output) return string.Join("\n", _output); } }

        public void Signal(int signal) => Assert.Equal(0, kill(_process.Id, signal));

        /// <summary>Waits until <paramref name="condition"/> holds; fails naming <paramref name="what"/> if the process ends or time runs out first.</summary>
        public void WaitFor(string what, Func<bool> condition, int seconds = 120)
        {
            var deadline = DateTime.UtcNow.AddSeconds(seconds);
            while (!condition())
            {
                if (_process.HasExited) Assert.Fail($"grokdsl exited ({_process.ExitCode}) before {what}: {Errors}");
                if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}: {Errors}");
                Thread.Sleep(20);
            }
        }

        public void WaitForExit(int seconds = 60)
        {
            if (!_process.WaitForExit(TimeSpan.FromSeconds(seconds))) Assert.Fail($"grokdsl did not exit within {seconds} s: {Errors}");
            _process.WaitForExit(); // drains the redirected streams
        }

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

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill();
            _process.Dispose();
        }
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
