using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Cli;
using GrokDsl.Cli.Launchers;
using GrokDsl.Cli.Launchers.Slurm;
using GrokDsl.Experiments;
using GrokDsl.Runs;

namespace GrokDsl.Slurm.Tests;

/// <summary>What the Slurm launcher submits, against a recording stand-in for sbatch and squeue.</summary>
public sealed class SlurmLauncherTests : IDisposable
{
    readonly string _runs = Directory.CreateTempSubdirectory("grokdsl-slurm-launcher-").FullName;
    readonly FakeSlurm _slurm = new();
    readonly StringWriter _output = new(), _error = new();

    // A built-in experiment with a three-seed sweep: planning it compiles nothing and trains nothing.
    RunPlan Plan() => RunPlan.Create(new Gromov2023(), ExperimentReference.From("gromov-2023", null), _runs, []);

    int Launch(bool dryRun = false) =>
        new SlurmLauncher(new SlurmOptions(Partition: "debug"), ["/opt/grokdsl"], retries: 2, _slurm, dryRun, _output, _error).Launch(Plan());

    void Finish(int runIndex)
    {
        var run = Plan().DirectoryOf(runIndex);
        Directory.CreateDirectory(run.Path);
        run.WriteSummary(new RunSummary
        {
            ExperimentId = "gromov-2023", RunId = Plan().Runs[runIndex].RunId, Status = RunStatus.Censored, FinalStep = 10,
            FinalTrainAccuracy = 1, FinalTestAccuracy = 0.5, WallSeconds = 1, StepsPerSecond = 10, Device = "cpu",
        });
    }

    [Fact]
    public void ADryRunPrintsTheScriptAloneAndSubmitsNothing()
    {
        var exitCode = Launch(dryRun: true);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.StartsWith("#!/bin/bash\n", _output.ToString());
        Assert.Contains("#SBATCH --array=0-2\n", _output.ToString());
        Assert.Contains($"--runs {_runs} --sweep-fingerprint {Plan().Fingerprint} --retries 2", _output.ToString());
        Assert.Empty(_slurm.Submitted);
        Assert.False(Directory.Exists(Path.Combine(_runs, "gromov-2023", SlurmFolder.Name)));
    }

    [Fact]
    public void SubmittingPrintsTheJobIdAndRecordsWhichTaskTrainsWhichRun()
    {
        var exitCode = Launch();

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("submitted job 101: 3 array task(s), 3 run(s) of gromov-2023", _output.ToString());
        var script = Assert.Single(_slurm.Submitted);
        Assert.Contains("#SBATCH --partition=debug\n", File.ReadAllText(script));
        var job = Assert.Single(new SlurmFolder(Path.Combine(_runs, "gromov-2023")).ReadJobs());
        Assert.Equal("101", job.JobId);
        Assert.Equal(Plan().Runs.Select(r => r.RunId), job.Tasks.Select(t => Assert.Single(t.RunIds)));
    }

    [Fact]
    public void SubmittingAgainLeavesOutFinishedRunsAndRunsStillInTheQueue()
    {
        Launch();
        Finish(0);
        _slurm.States["101"] = new Dictionary<int, string> { [0] = "COMPLETED", [1] = "RUNNING", [2] = "FAILED" };

        var exitCode = Launch();

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("task 1 left out: its runs are queued or running as 101_1", _output.ToString());
        Assert.Contains("#SBATCH --array=2\n", File.ReadAllText(_slurm.Submitted[^1]));
        Assert.Contains("submitted job 102: 1 array task(s), 1 run(s)", _output.ToString());
    }

    [Fact]
    public void NothingIsSubmittedWhenEveryRunIsFinished()
    {
        foreach (var i in new[] { 0, 1, 2 }) Finish(i);

        var exitCode = Launch();

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Empty(_slurm.Submitted);
        Assert.Contains("nothing to submit", _output.ToString());
    }

    [Fact]
    public void ARefusedSubmissionFailsWithSbatchsMessageAndKeepsTheScript()
    {
        _slurm.Refusal = "sbatch: error: invalid partition specified: debug";

        var exitCode = Launch();

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("invalid partition specified", _error.ToString());
        Assert.Matches(@"the script is .*\.sbatch", _error.ToString());
        Assert.Empty(new SlurmFolder(Path.Combine(_runs, "gromov-2023")).ReadJobs());
    }

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    sealed class FakeSlurm : ISlurmClient
    {
        public List<string> Submitted { get; } = [];
        public Dictionary<string, Dictionary<int, string>> States { get; } = [];
        public string? Refusal { get; set; }

        public string Submit(string scriptPath)
        {
            if (Refusal is not null) throw new SlurmException(Refusal);
            Submitted.Add(scriptPath);
            return (100 + Submitted.Count).ToString();
        }

        public IReadOnlyDictionary<int, string> ArrayTaskStates(string jobId) =>
            States.TryGetValue(jobId, out var states) ? states : new Dictionary<int, string>();

        public void Requeue(string jobId) => throw new NotSupportedException();
    }
}
