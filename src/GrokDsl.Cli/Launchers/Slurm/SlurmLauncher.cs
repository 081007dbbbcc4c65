using GrokDsl.Runs;

namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary>
/// Submits a sweep as one Slurm job array: writes the sbatch script into the runs folder's
/// <c>.slurm/</c>, submits it with <c>sbatch --parsable</c>, records the job in <c>jobs.json</c> and
/// prints its id. Tasks whose runs are all finished, or still queued or running under an earlier
/// submission, are left out, so submitting the same sweep again only sends what is left to do.
/// </summary>
/// <param name="grokdsl">The command the tasks run grokdsl with (see <see cref="GrokDslExecutable"/>).</param>
/// <param name="retries">How often a task starts a run that throws again before giving up on it (see <see cref="SweepPolicy.Retries"/>).</param>
/// <param name="onMetricsGap">What each task does with a run whose metrics have a gap (--rewind, --resume-anyway on `sweep`).</param>
/// <param name="dryRun">Print the script to <paramref name="output"/> and submit nothing.</param>
public sealed class SlurmLauncher(
    SlurmOptions options, IReadOnlyList<string> grokdsl, int retries, ISlurmClient slurm, bool dryRun, TextWriter output, TextWriter error,
    MetricsGapPolicy onMetricsGap = MetricsGapPolicy.Refuse) : ISweepLauncher
{
    public int Launch(RunPlan plan)
    {
        var folder = new SlurmFolder(plan.ExperimentFolder);
        var inQueue = QueuedRuns(plan, folder);
        var finished = plan.Tasks.Where(t => t.RunIndices.All(plan.IsFinished)).ToList();
        var queued = plan.Tasks.Except(finished).Where(t => t.RunIndices.All(i => IsQueued(i))).ToList();
        var toSubmit = plan.Tasks.Except(finished).Except(queued).ToList();
        // Messages go to the error stream in a dry run, so that the output is the script alone.
        var log = dryRun ? error : output;

        if (finished.Count > 0) log.WriteLine($"{finished.Count} of {plan.Tasks.Count} task(s) left out: their runs are finished");
        foreach (var task in queued)
            log.WriteLine($"task {task.Index} left out: its runs are queued or running as {inQueue[plan.Runs[task.RunIndices[0]].RunId].TaskId}");
        if (toSubmit.Count == 0)
        {
            log.WriteLine($"{plan.ExperimentId}: nothing to submit ({plan.Runs.Count} run(s)); see grokdsl sweep status");
            return ExitCodes.Ok;
        }

        var runCount = toSubmit.Sum(t => t.RunIndices.Count);
        var job = new SlurmArrayJob(
            JobName: $"grokdsl-{plan.ExperimentId}",
            Description: $"{plan.ExperimentId}: {runCount} of the sweep's {plan.Runs.Count} run(s) in {toSubmit.Count} array task(s)",
            Tasks: toSubmit,
            LogFolder: folder.Path,
            TaskCommand: SweepTaskInvocation.For(plan, grokdsl, retries, onMetricsGap),
            Options: options,
            Stacked: plan.Placement.Stack);
        var script = SlurmScript.Render(job);
        if (dryRun)
        {
            output.Write(script);
            return ExitCodes.Ok;
        }

        // Slurm does not create the log folder; a task whose output file cannot be opened fails before it starts.
        Directory.CreateDirectory(folder.Path);
        var scriptPath = Path.Combine(folder.Path, $"sweep-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}.sbatch");
        AtomicFile.WriteAllText(scriptPath, script);
        string jobId;
        try
        {
            jobId = slurm.Submit(scriptPath);
        }
        catch (SlurmException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine($"  the script is {scriptPath}");
            return ExitCodes.Failed;
        }

        folder.Record(new SlurmSubmission(jobId, DateTimeOffset.UtcNow, scriptPath, plan.Fingerprint,
            [.. toSubmit.Select(t => new SubmittedTask(t.Index, [.. t.RunIndices.Select(i => plan.Runs[i].RunId)]))]));
        output.WriteLine($"submitted job {jobId}: {toSubmit.Count} array task(s), {runCount} run(s) of {plan.ExperimentId}");
        output.WriteLine($"  script: {scriptPath}");
        output.WriteLine($"  logs:   {folder.Path}/{jobId}_<task>.out");
        output.WriteLine($"  runs:   {plan.ExperimentFolder}");
        return ExitCodes.Ok;

        bool IsQueued(int runIndex) => inQueue.TryGetValue(plan.Runs[runIndex].RunId, out var q) && q.IsActive;
    }

    IReadOnlyDictionary<string, QueuedRun> QueuedRuns(RunPlan plan, SlurmFolder folder)
    {
        try
        {
            return SlurmQueue.Lookup(folder, slurm);
        }
        catch (SlurmException e)
        {
            // Without squeue nothing can be submitted either; in a dry run, say so and show the script anyway.
            error.WriteLine($"warning: cannot ask Slurm about earlier submissions of {plan.ExperimentId}: {e.Message}");
            return new Dictionary<string, QueuedRun>();
        }
    }
}
