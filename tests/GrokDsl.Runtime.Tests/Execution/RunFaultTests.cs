using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using System.Diagnostics;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Runtime.Tests.Execution;

/// <summary>What a run leaves behind when something goes wrong mid-run, and what it records about where it ran.</summary>
public sealed class RunFaultTests
{
    static readonly RunSpec Spec = (new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Training = new() { EvaluateEvery = 5, MeasureEvery = 10, CheckpointEvery = 10 },
        Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
    }).ToRunSpec();

    /// <summary>Throws once a step is evaluated, as a model plugin's forward pass that fails mid-run would.</summary>
    sealed class ThrowAt(long step) : ITrainingObserver
    {
        public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
        {
            if (record.Step == step) throw new InvalidOperationException($"plugin failed at step {step}");
        }
    }

    static RunResult Execute(string runs, ITrainingObserver observer, string? experimentFile = null)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return new RunCoordinator(host, observer) { ExperimentFile = experimentFile }.Train(Spec, runs, force: false, CancellationToken.None);
    }

    [Fact]
    public void AnErrorMidRunMarksTheRunFailedWithTheErrorKeepsItsDataAndTheNextRunResumes()
    {
        using var runs = new TempFolder();

        var error = Assert.Throws<InvalidOperationException>(() => Execute(runs.Path, new ThrowAt(25)));

        var directory = RunDirectory.For(runs.Path, Spec.Experiment.Id, Spec.RunId);
        var failed = directory.ReadSummary()!;
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains(error.Message, failed.Error);
        Assert.Equal([0L, 5, 10, 15, 20, 25], directory.ReadMetrics(out _).Select(r => r.Step));

        var retried = Execute(runs.Path, SilentObserver.Instance);

        Assert.False(retried.Reused);
        // The newest checkpoint before the failure: step 20 by cadence, or just after it when memorization was tagged at 20.
        Assert.InRange(retried.ResumedFromStep!.Value, 20, 25);
        Assert.Equal(RunStatus.Censored, retried.Summary.Status);
        Assert.Equal([0L, 5, 10, 15, 20, 25, 30, 35, 40], directory.ReadMetrics(out var skipped).Select(r => r.Step));
        Assert.Equal(0, skipped);
    }

    [Fact]
    public void AResumeAfterATornMetricsLineDropsItAndContinues()
    {
        using var runs = new TempFolder();
        Assert.Throws<InvalidOperationException>(() => Execute(runs.Path, new ThrowAt(25)));
        var directory = RunDirectory.For(runs.Path, Spec.Experiment.Id, Spec.RunId);
        File.AppendAllText(directory.MetricsPath, "{\"step\":30,\"trainLoss\":0.");

        Execute(runs.Path, SilentObserver.Instance);

        Assert.Equal([0L, 5, 10, 15, 20, 25, 30, 35, 40], directory.ReadMetrics(out var skipped).Select(r => r.Step));
        Assert.Equal(0, skipped);
    }

    [Fact]
    public void TheEnvironmentRecordsTheExperimentFileItsGitCommitAndTheVersions()
    {
        using var repository = new TempFolder();
        var file = Path.Combine(repository.Path, "Lab.cs");
        File.WriteAllText(file, "// the experiment's source\n");
        Git(repository.Path, "init", "-q");
        Git(repository.Path, "add", "Lab.cs");
        Git(repository.Path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "experiment");
        var commit = Git(repository.Path, "rev-parse", "HEAD");
        using var runs = new TempFolder();

        var environment = Execute(runs.Path, SilentObserver.Instance, file).Directory.ReadEnvironment()!;

        Assert.Equal(file, environment.ExperimentOrigin);
        Assert.Equal("// the experiment's source\n", environment.ExperimentSource);
        Assert.Equal(commit, environment.GitCommit);
        Assert.False(environment.GitDirty);
        Assert.StartsWith("2.", environment.LibTorchVersion);
        Assert.Contains(".NET", environment.DotNetVersion);
        Assert.Equal("cpu", environment.Device);
        Assert.Contains("grokdsl.mlp", environment.Plugins.Keys);
    }

    static string Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
