using System.Text.RegularExpressions;
using GrokDsl.Cli.Launchers;
using GrokDsl.Runs;
using GrokDsl.Slurm.Tests.Support;

namespace GrokDsl.Slurm.Tests;

/// <summary><c>grokdsl sweep task</c>, what every array task runs, outside Slurm: it trains only its runs and refuses a changed sweep.</summary>
public sealed class SweepTaskTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("grokdsl-sweep-task-").FullName;

    const string Experiment = """
        namespace Lab;

        [Experiment("task-smoke")]
        public sealed partial record Smoke
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 11, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 8, HiddenWidth = 16 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 10 };
            public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

            [Sweep(0, 1, 2)] public int Seed { get; init; }
        }
        """;

    [Fact]
    public void ATaskTrainsOnlyItsOwnRunsAndRefusesASweepThatChangedOrIndicesThatDoNotExist()
    {
        var file = Path.Combine(_folder, "Smoke.cs");
        File.WriteAllText(file, Experiment);
        var runs = Path.Combine(_folder, "runs");
        var grokdsl = new Grokdsl(_folder);

        var task = grokdsl.Run($"sweep task {file} --runs {runs} --task 1 --run-indices 1,2 --quiet", TimeSpan.FromMinutes(2));
        var changed = grokdsl.Run($"sweep task {file} --runs {runs} --task 0 --run-indices 0 {SweepTaskInvocation.FingerprintOption} 0123456789abcdef");
        var outOfRange = grokdsl.Run($"sweep task {file} --runs {runs} --task 3 --run-indices 3");

        Assert.True(task.ExitCode == 0, task.Output);
        Assert.Contains("task 1: run(s) 1, 2 of task-smoke (3 in the sweep)", task.Output);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(runs, "task-smoke")).Length);
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains("is no longer the sweep that was submitted", changed.Output);
        Assert.Equal(2, outOfRange.ExitCode);
        Assert.Contains("'3' is not a list of run indices below 3", outOfRange.Output);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(runs, "task-smoke")).Length);
    }

    [Fact]
    public void AStackedTaskTrainsItsRunsAsOneStackIntoOrdinaryRunDirectoriesAndReusesThemWhenRunAgain()
    {
        var file = Path.Combine(_folder, "Smoke.cs");
        File.WriteAllText(file, Experiment);
        var runs = Path.Combine(_folder, "runs");
        var grokdsl = new Grokdsl(_folder);

        var task = grokdsl.Run($"sweep task {file} --runs {runs} --task 0 --run-indices 0,2 {Placement.StackOption} --quiet", TimeSpan.FromMinutes(2));
        var again = grokdsl.Run($"sweep task {file} --runs {runs} --task 0 --run-indices 0,2 {Placement.StackOption} --quiet");

        Assert.True(task.ExitCode == 0, task.Output);
        Assert.Contains("task 0: run(s) 0, 2 of task-smoke (3 in the sweep), stacked", task.Output);
        Assert.Matches(@"stack 1: 2 runs", task.Output);
        var directories = Directory.GetDirectories(Path.Combine(runs, "task-smoke")).Select(d => new RunDirectory(d)).ToList();
        Assert.Equal(2, directories.Count);
        foreach (var run in directories)
        {
            Assert.Equal(RunStatus.Censored, run.ReadSummary()?.Status);
            Assert.Equal(10, run.ReadSummary()?.FinalStep);
            Assert.True(File.Exists(run.ConfigurationPath) && File.Exists(run.MetricsPath) && File.Exists(run.ReportPath), run.Path);
        }
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(2, Regex.Matches(again.Output, "censored \\(already finished\\)").Count);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
