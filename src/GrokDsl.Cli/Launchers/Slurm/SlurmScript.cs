using System.Text;

namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary>The sbatch script of a sweep: one array task per entry of the task table, each exec'ing <c>grokdsl sweep task</c>.</summary>
public static class SlurmScript
{
    public static string Render(SlurmArrayJob job)
    {
        var o = job.Options;
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append($"# {job.Description}\n");
        script.Append("# Written by `grokdsl sweep --launcher slurm`. Submitting the same sweep again skips finished runs;\n");
        script.Append("# `grokdsl sweep status` shows where each run is.\n");
        Directive("job-name", job.JobName);
        Directive("array", ArraySpec.Format(job.Tasks.Select(t => t.Index), o.MaxRunning));
        Directive("ntasks", "1");
        Directive("partition", o.Partition);
        Directive("account", o.Account);
        Directive("time", o.Time);
        Directive("cpus-per-task", o.CpusPerTask?.ToString());
        Directive("gpus-per-task", o.GpusPerTask?.ToString());
        Directive("mem", o.Memory);
        Directive("output", Path.Combine(job.LogFolder, "%A_%a.out"));
        // Append: a requeued task writes on under what it wrote before, so the log tells the task's whole story.
        Directive("open-mode", "append");
        Directive("requeue");
        // B: signals the batch shell only, which is grokdsl itself thanks to the exec below.
        Directive("signal", $"B:USR1@{o.WarningSeconds}");
        script.Append("set -euo pipefail\n\n");

        script.Append(job.Stacked
            ? "# The sweep's runs (indices in `grokdsl sweep` order) that each array task trains together, as one stacked model.\n" +
              "# Each stacked run checkpoints as alone: a requeued task resumes its unfinished runs from their checkpoints.\n"
            : "# The sweep's runs (indices in `grokdsl sweep` order) that each array task trains, one after the other.\n");
        script.Append("runs_of_task=(\n");
        foreach (var task in job.Tasks) script.Append($"  [{task.Index}]={string.Join(',', task.RunIndices)}\n");
        script.Append(")\n\n");

        script.Append("# libtorch sizes its thread pool to the whole node unless told; use the cores Slurm allocated.\n");
        script.Append("export OMP_NUM_THREADS=\"${OMP_NUM_THREADS:-${SLURM_CPUS_PER_TASK:-1}}\"\n");
        script.Append("echo \"grokdsl: array task ${SLURM_ARRAY_TASK_ID} of job ${SLURM_ARRAY_JOB_ID} on $(hostname), restart ${SLURM_RESTART_COUNT:-0}, $(date -Is)\"\n");
        script.Append("# exec, so that grokdsl replaces this shell and receives the USR1 that Slurm sends before the time limit.\n");
        script.Append("exec ");
        script.Append(GrokDsl.Reporting.ShellWords.Join(job.TaskCommand));
        script.Append(" \\\n  --task \"$SLURM_ARRAY_TASK_ID\" --run-indices \"${runs_of_task[$SLURM_ARRAY_TASK_ID]}\"\n");
        return script.ToString();

        void Directive(string name, string? value = "")
        {
            if (value is null) return;
            // sbatch reads directive values up to whitespace unless quoted.
            var text = value.Any(char.IsWhiteSpace) ? $"\"{value}\"" : value;
            script.Append(value.Length == 0 ? $"#SBATCH --{name}\n" : $"#SBATCH --{name}={text}\n");
        }
    }
}
