namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary>What the array job asks Slurm for; null leaves the cluster's default.</summary>
/// <param name="Time">Per-task time limit in Slurm's format ("30", "2:00:00", "1-00:00:00").</param>
/// <param name="Memory">Per-node memory in Slurm's format ("8G").</param>
/// <param name="MaxRunning">How many array tasks may run at once (the <c>%M</c> of <c>--array</c>).</param>
/// <param name="WarningSeconds">
/// How long before the time limit Slurm sends USR1 (<c>--signal=B:USR1@N</c>): the task checkpoints,
/// requeues itself and exits. Slurm may send it up to a minute early, so keep it well under the limit.
/// </param>
public sealed record SlurmOptions(
    string? Partition = null,
    string? Time = null,
    int? GpusPerTask = null,
    int? CpusPerTask = null,
    string? Memory = null,
    int? MaxRunning = null,
    string? Account = null,
    int WarningSeconds = SlurmOptions.DefaultWarningSeconds)
{
    public const int DefaultWarningSeconds = 120;
}
