using System.Text.RegularExpressions;
using GrokDsl.Runs;
using GrokDsl.Slurm.Tests.Support;

namespace GrokDsl.Slurm.Tests;

/// <summary>
/// Sweeps submitted to a real single-node Slurm (see <see cref="SlurmCluster"/>): array tasks train
/// into the shared runs folder, and a task warned with USR1 checkpoints, requeues itself and resumes.
/// Each test waits a bounded time and shows the task logs when it gives up.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed partial class RealSlurmTests(SlurmCluster cluster) : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("grokdsl-slurm-").FullName;
    string Runs => Path.Combine(_folder, "runs");

    string WriteExperiment(string id, string sweep, int maxSteps) => WriteFile($"{id}.cs", $$"""
        namespace Lab;

        [Experiment("{{id}}")]
        public sealed partial record Tiny
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 8, HiddenWidth = 16 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 10, MeasureEvery = 1000, CheckpointEvery = 1000 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = {{maxSteps}}, StopAfterGrokking = false };
            public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

            {{sweep}} public int Seed { get; init; }
        }
        """);

    string WriteFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [SkippableFact]
    public void AFourTaskArrayTrainsEveryRunIntoTheSharedRunsFolderAndASecondSubmissionSkipsThem()
    {
        cluster.Require();
        var grokdsl = new Grokdsl(_folder);
        var file = WriteExperiment("slurm-array", "[Sweep(0, 1, 2, 3)]", maxSteps: 20);

        var (exitCode, output) = grokdsl.Run($"sweep {file} --runs {Runs} --launcher slurm -p debug -t 10 --max-running 4 --cpus-per-task 1");

        Assert.True(exitCode == 0, output);
        var jobId = SubmittedJob().Match(output).Groups[1].Value;
        Assert.Matches(@"^\d+$", jobId);
        var experimentFolder = Path.Combine(Runs, "slurm-array");
        WaitFor(() => Summaries(experimentFolder).Count(s => s.Status is RunStatus.Censored or RunStatus.Grokked) == 4,
            TimeSpan.FromMinutes(3), experimentFolder);

        var summaries = Summaries(experimentFolder);
        Assert.Equal(4, summaries.Count);
        Assert.All(summaries, s => Assert.Equal(20, s.FinalStep));
        for (var task = 0; task < 4; task++)
            Assert.Contains($"task {task}: run(s) {task} of slurm-array", File.ReadAllText(Path.Combine(experimentFolder, ".slurm", $"{jobId}_{task}.out")));

        var status = grokdsl.Run($"sweep status {file} --runs {Runs}");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"last Slurm job {jobId}", status.Output);
        Assert.Matches(@"^  (\d+ (censored|grokked)(, )?)+$", status.Output.Split('\n')[1]);

        var again = grokdsl.Run($"sweep {file} --runs {Runs} --launcher slurm -p debug");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("nothing to submit", again.Output);
    }

    /// <summary>
    /// usr1: Slurm's warning before the time limit; grokdsl checkpoints and requeues its own task.
    /// requeue: an admin or a preempting job requeues the running task; grokdsl gets SIGTERM and checkpoints.
    /// </summary>
    [SkippableTheory]
    [InlineData("usr1")]
    [InlineData("requeue")]
    public void ARequeuedTaskResumesFromTheCheckpointItWroteWhenItWasStopped(string how)
    {
        cluster.Require();
        var grokdsl = new Grokdsl(_folder);
        var id = $"slurm-{how}";
        // Long enough that the stop lands mid-run on a fast, idle machine (about 1,000 steps/s here), which
        // 1,500 steps were not: the run finished before the requeue reached it.
        const int maxSteps = 6000;
        var file = WriteExperiment(id, "", maxSteps: maxSteps);
        var (exitCode, output) = grokdsl.Run($"sweep {file} --runs {Runs} --launcher slurm -p debug -t 10");
        Assert.True(exitCode == 0, output);
        var task = $"{SubmittedJob().Match(output).Groups[1].Value}_0";
        var experimentFolder = Path.Combine(Runs, id);
        var log = Path.Combine(experimentFolder, ".slurm", $"{task}.out");
        try
        {
            WaitFor(() => LastStep(experimentFolder) >= 10, TimeSpan.FromMinutes(2), experimentFolder);
            var stop = Shell.Run(how == "usr1" ? $"scancel --signal=USR1 --batch {task}" : $"scontrol requeue {task}");
            Assert.True(stop.ExitCode == 0, stop.Output);
            WaitFor(() => Summaries(experimentFolder).Any(s => s.Status == RunStatus.Interrupted), TimeSpan.FromMinutes(1), experimentFolder);
            var interrupted = Assert.Single(Summaries(experimentFolder));

            // Slurm holds a requeued task back for cred_expire (10 s in start-slurm.sh's configuration), then starts it again.
            // Releasing it sooner (scontrol update StartTime=now) gets it killed: "Job credential revoked".
            WaitFor(() => ResumedAt().IsMatch(File.ReadAllText(log)), TimeSpan.FromMinutes(2), experimentFolder);

            var text = File.ReadAllText(log);
            Assert.Contains(how == "usr1" ? $"requeued {task}" : "SIGTERM: checkpointing and stopping", text);
            Assert.Contains("restart 1", text);
            Assert.Equal(interrupted.FinalStep, long.Parse(ResumedAt().Match(text).Groups[1].Value));
            var run = new RunDirectory(Directory.GetDirectories(experimentFolder).Single(d => !Path.GetFileName(d).StartsWith('.')));
            var steps = run.ReadMetrics(out var skipped).Select(m => m.Step).ToList();
            Assert.Equal(0, skipped);
            Assert.Equal(steps.Distinct().Order(), steps); // resumed, not appended twice: each step once, in order
            Assert.Equal(maxSteps, Assert.Single(Summaries(experimentFolder)).FinalStep);
        }
        finally
        {
            Shell.Run($"scancel {task}");
        }
    }

    static List<RunSummary> Summaries(string experimentFolder) => !Directory.Exists(experimentFolder) ? [] :
        [.. Directory.GetDirectories(experimentFolder).Select(d => Read(new RunDirectory(d))).OfType<RunSummary>()];

    static RunSummary? Read(RunDirectory run)
    {
        try
        {
            return run.ReadSummary();
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return null; // being written
        }
    }

    static long LastStep(string experimentFolder) => !Directory.Exists(experimentFolder) ? -1 :
        Directory.GetDirectories(experimentFolder)
            .Select(d => Path.Combine(d, RunDirectory.MetricsFileName))
            .Where(File.Exists)
            .Select(path => MetricsFile.Read(path, out _) is { Count: > 0 } m ? m[^1].Step : -1)
            .DefaultIfEmpty(-1).Max();

    static void WaitFor(Func<bool> condition, TimeSpan limit, string experimentFolder)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"gave up after {limit.TotalSeconds:0} s\n{Diagnostics(experimentFolder)}");
            Thread.Sleep(500);
        }
    }

    static string Diagnostics(string experimentFolder)
    {
        var queue = Shell.Run("squeue -r -t all -o '%i %T %r %S'").Output;
        var logs = Directory.Exists(Path.Combine(experimentFolder, ".slurm"))
            ? Directory.GetFiles(Path.Combine(experimentFolder, ".slurm"), "*.out").Select(f => $"--- {f}\n{Shell.Tail(f, 25)}")
            : [];
        return $"squeue:\n{queue}\n{string.Join('\n', logs)}\n--- slurmd.log\n{Shell.Tail("/var/log/slurm/slurmd.log", 10)}";
    }

    [GeneratedRegex(@"submitted job (\d+)")]
    private static partial Regex SubmittedJob();

    [GeneratedRegex(@"\(resumed at step (\d+)\)")]
    private static partial Regex ResumedAt();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A task Slurm has not finished killing may still write its log; the temp folder is scratch anyway.
        }
    }
}
