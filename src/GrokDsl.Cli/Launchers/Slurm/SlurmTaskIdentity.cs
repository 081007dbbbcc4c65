namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary>The Slurm job this process runs in, as scontrol names it: "123_4" for an array task, "123" otherwise.</summary>
public static class SlurmTaskIdentity
{
    public static string? FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        if (read("SLURM_ARRAY_JOB_ID") is { Length: > 0 } arrayJob && read("SLURM_ARRAY_TASK_ID") is { Length: > 0 } task)
            return $"{arrayJob}_{task}";
        return read("SLURM_JOB_ID") is { Length: > 0 } job ? job : null;
    }
}
