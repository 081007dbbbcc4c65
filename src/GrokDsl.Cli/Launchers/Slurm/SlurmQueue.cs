namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary>Where a run stands with Slurm: the array task that trains it and the task's state.</summary>
public sealed record QueuedRun(string JobId, int Task, string State)
{
    /// <summary>"123_4", as squeue, scancel and scontrol name an array task.</summary>
    public string TaskId => $"{JobId}_{Task}";

    /// <summary>Not yet ended: pending, running, requeued, suspended, ...</summary>
    public bool IsActive => !Ended.Contains(State);

    public bool IsRunning => State is "RUNNING" or "CONFIGURING" or "COMPLETING";

    static readonly HashSet<string> Ended =
    [
        "BOOT_FAIL", "CANCELLED", "COMPLETED", "DEADLINE", "FAILED", "NODE_FAIL", "OUT_OF_MEMORY",
        "PREEMPTED", "REVOKED", "SPECIAL_EXIT", "TIMEOUT",
    ];
}

/// <summary>The runs of a sweep that Slurm knows about, from the submissions in jobs.json and squeue.</summary>
public static class SlurmQueue
{
    /// <summary>
    /// By run id: the task of the newest submission that trains it, preferring a task that has not
    /// ended (an older array still running a run matters more than a newer one that is done with it).
    /// Runs whose jobs Slurm has forgotten are absent.
    /// </summary>
    /// <exception cref="SlurmException">squeue failed.</exception>
    public static IReadOnlyDictionary<string, QueuedRun> Lookup(SlurmFolder folder, ISlurmClient slurm)
    {
        var byRun = new Dictionary<string, QueuedRun>();
        foreach (var submission in folder.ReadJobs().Reverse())
        {
            var states = slurm.ArrayTaskStates(submission.JobId);
            foreach (var task in submission.Tasks)
            {
                if (!states.TryGetValue(task.Task, out var state)) continue;
                var queued = new QueuedRun(submission.JobId, task.Task, state);
                foreach (var runId in task.RunIds)
                    if (!byRun.TryGetValue(runId, out var known) || (!known.IsActive && queued.IsActive))
                        byRun[runId] = queued;
            }
        }
        return byRun;
    }
}
