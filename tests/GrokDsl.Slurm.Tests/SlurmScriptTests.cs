using GrokDsl.Cli.Launchers;
using GrokDsl.Cli.Launchers.Slurm;

namespace GrokDsl.Slurm.Tests;

/// <summary>The sbatch script's text and its pieces; no Slurm needed.</summary>
public sealed class SlurmScriptTests
{
    static SlurmArrayJob Job(SlurmOptions options, IReadOnlyList<SweepTask>? tasks = null) => new(
        JobName: "grokdsl-tiny",
        Description: "tiny: 4 of the sweep's 4 run(s) in 4 array task(s)",
        Tasks: tasks ?? TaskLayout.OneRunPerTask(4),
        LogFolder: "/shared/runs/tiny/.slurm",
        TaskCommand: ["/opt/grok dsl/grokdsl", "sweep", "task", "/home/me/Tiny.cs", "--runs", "/shared/runs"],
        Options: options);

    [Fact]
    public void EveryResourceOptionBecomesADirectiveAndUnsetOnesAreLeftToTheCluster()
    {
        var full = SlurmScript.Render(Job(new SlurmOptions("gpu", "2:00:00", GpusPerTask: 1, CpusPerTask: 4, Memory: "8G", MaxRunning: 2, Account: "lab", WarningSeconds: 90)));
        var bare = SlurmScript.Render(Job(new SlurmOptions()));

        string[] expected =
        [
            "#SBATCH --job-name=grokdsl-tiny", "#SBATCH --array=0-3%2", "#SBATCH --partition=gpu", "#SBATCH --account=lab",
            "#SBATCH --time=2:00:00", "#SBATCH --cpus-per-task=4", "#SBATCH --gpus-per-task=1", "#SBATCH --mem=8G",
        ];
        foreach (var line in expected) Assert.Contains(line + "\n", full);
        Assert.Contains("#SBATCH --array=0-3\n", bare);
        foreach (var name in new[] { "partition", "account", "time", "cpus-per-task", "gpus-per-task", "mem" })
            Assert.DoesNotContain($"#SBATCH --{name}=", bare);
    }

    [Fact]
    public void TheScriptAsksForAWarningSignalRequeueAndAppendedLogsSoAPreemptedTaskCanResume()
    {
        var script = SlurmScript.Render(Job(new SlurmOptions(WarningSeconds: 90)));

        Assert.StartsWith("#!/bin/bash\n", script);
        Assert.Contains("#SBATCH --signal=B:USR1@90\n", script);
        Assert.Contains("#SBATCH --requeue\n", script);
        Assert.Contains("#SBATCH --open-mode=append\n", script);
        Assert.Contains("#SBATCH --output=/shared/runs/tiny/.slurm/%A_%a.out\n", script);
        // Directives after the first command are ignored by sbatch.
        var firstCommand = script.IndexOf("\nset -euo pipefail", StringComparison.Ordinal);
        Assert.True(script.LastIndexOf("#SBATCH", StringComparison.Ordinal) < firstCommand, script);
    }

    [Fact]
    public void EachArrayTaskExecsGrokdslWithItsOwnRunsAndQuotedPaths()
    {
        var script = SlurmScript.Render(Job(new SlurmOptions(), [new SweepTask(2, [2]), new SweepTask(5, [5, 6, 7])]));

        Assert.Contains("#SBATCH --array=2,5\n", script);
        Assert.Contains("  [2]=2\n  [5]=5,6,7\n", script);
        Assert.Contains("exec '/opt/grok dsl/grokdsl' sweep task /home/me/Tiny.cs --runs /shared/runs \\\n" +
                        "  --task \"$SLURM_ARRAY_TASK_ID\" --run-indices \"${runs_of_task[$SLURM_ARRAY_TASK_ID]}\"\n", script);
    }

    [Fact]
    public void TheScriptIsValidBash()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("grokdsl-script-").FullName, "sweep.sbatch");
        File.WriteAllText(path, SlurmScript.Render(Job(new SlurmOptions("debug", "10", MaxRunning: 1))));

        var (exitCode, output) = Support.Shell.Run($"bash -n {path}");

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, null, "0-3")]
    [InlineData(new[] { 7, 0, 2, 1, 9, 10 }, 4, "0-2,7,9-10%4")]
    [InlineData(new[] { 5 }, null, "5")]
    public void ArrayIndicesAreWrittenAsRanges(int[] tasks, int? maxRunning, string expected) =>
        Assert.Equal(expected, ArraySpec.Format(tasks, maxRunning));

    [Theory]
    [InlineData("/shared/runs", "/shared/runs")]
    [InlineData("with space", "'with space'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("", "''")]
    public void ShellWordsAreQuotedOnlyWhenNeeded(string word, string expected) =>
        Assert.Equal(expected, GrokDsl.Reporting.ShellWords.Quote(word));

    [Fact]
    public void TheTaskIdentityComesFromSlurmsEnvironment()
    {
        var array = new Dictionary<string, string> { ["SLURM_ARRAY_JOB_ID"] = "41", ["SLURM_ARRAY_TASK_ID"] = "3", ["SLURM_JOB_ID"] = "44" };
        var single = new Dictionary<string, string> { ["SLURM_JOB_ID"] = "44" };

        Assert.Equal("41_3", SlurmTaskIdentity.FromEnvironment(array.GetValueOrDefault));
        Assert.Equal("44", SlurmTaskIdentity.FromEnvironment(single.GetValueOrDefault));
        Assert.Null(SlurmTaskIdentity.FromEnvironment(_ => null));
    }
}
