namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary>Everything an sbatch script for a sweep says.</summary>
/// <param name="Tasks">The array tasks to submit (tasks whose runs are all finished are left out).</param>
/// <param name="LogFolder">Absolute folder for the tasks' output, one file per task, appended across requeues.</param>
/// <param name="Stacked">Each task trains its runs together as one stacked model (the command passes --stack).</param>
/// <param name="TaskCommand">The command every task execs, absolute paths throughout; the script appends the task's index and runs.</param>
public sealed record SlurmArrayJob(
    string JobName,
    string Description,
    IReadOnlyList<SweepTask> Tasks,
    string LogFolder,
    IReadOnlyList<string> TaskCommand,
    SlurmOptions Options,
    bool Stacked = false);
