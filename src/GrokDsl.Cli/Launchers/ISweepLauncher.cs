namespace GrokDsl.Cli.Launchers;

/// <summary>
/// Carries out a sweep somewhere: in this process, as a Slurm job array, later as a Kubernetes
/// indexed job. Every launcher relies on the same contract: a run is (experiment, run index) →
/// an idempotent, resumable process that writes into its deterministic run directory, so
/// launching again only redoes what did not finish.
/// </summary>
public interface ISweepLauncher
{
    /// <summary>Runs, submits or prints the plan; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    int Launch(RunPlan plan);
}
