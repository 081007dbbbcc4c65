using System.ComponentModel;
using System.Diagnostics;

namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary><see cref="ISlurmClient"/> through Slurm's own commands (sbatch, squeue, scontrol) on PATH; <c>SLURM_CONF</c> is honoured as they honour it.</summary>
public sealed class SlurmCommandLine : ISlurmClient
{
    public string Submit(string scriptPath)
    {
        var output = Run("sbatch", "--parsable", scriptPath).Trim();
        // --parsable prints "jobid" or "jobid;cluster".
        var jobId = output.Split(';')[0];
        if (!long.TryParse(jobId, out _)) throw new SlurmException($"sbatch printed '{output}', not a job id");
        return jobId;
    }

    public IReadOnlyDictionary<int, string> ArrayTaskStates(string jobId)
    {
        string output;
        try
        {
            // -r: one line per array task, pending ones too; -t all: finished tasks while slurmctld still remembers them.
            output = Run("squeue", "-h", "-r", "-t", "all", "-j", jobId, "-o", "%K|%T");
        }
        catch (SlurmException e) when (e.Message.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
        {
            return new Dictionary<int, string>();
        }
        var states = new Dictionary<int, string>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            if (parts.Length == 2 && int.TryParse(parts[0], out var task)) states[task] = parts[1];
        }
        return states;
    }

    public void Requeue(string jobId) => Run("scontrol", "requeue", jobId);

    static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            throw new SlurmException($"{program} not found; run this on a Slurm login node (or put Slurm's commands on PATH)");
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new SlurmException($"{program} {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {error.Result.Trim()}");
            return output;
        }
    }
}
