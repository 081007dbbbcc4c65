namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary>The few things GrokDsl asks of Slurm. No accounting database is assumed: states come from squeue while Slurm remembers the job.</summary>
public interface ISlurmClient
{
    /// <summary>Submits a batch script; returns the job id.</summary>
    /// <exception cref="SlurmException">sbatch is missing or refused the script.</exception>
    string Submit(string scriptPath);

    /// <summary>
    /// The state of each array task Slurm still knows ("PENDING", "RUNNING", "COMPLETED", ...), by task
    /// index; empty once the job has aged out of slurmctld's memory.
    /// </summary>
    /// <exception cref="SlurmException">squeue is missing or failed.</exception>
    IReadOnlyDictionary<int, string> ArrayTaskStates(string jobId);

    /// <summary>Puts a job (or one array task, "123_4") back in the queue; a running one is ended first.</summary>
    /// <exception cref="SlurmException">scontrol is missing or refused.</exception>
    void Requeue(string jobId);
}

public sealed class SlurmException(string message) : Exception(message);
