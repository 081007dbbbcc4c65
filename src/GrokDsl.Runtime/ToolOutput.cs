using System.Diagnostics;

namespace GrokDsl.Runtime;

/// <summary>Asks an external tool (git, python3, nvidia-smi) for one answer that a run records or a benchmark prints.</summary>
public static class ToolOutput
{
    /// <summary>
    /// The tool's trimmed standard output, or null when it is not installed, fails or outlasts <paramref name="timeout"/>:
    /// best effort, because what these tools add is never worth failing a run for.
    /// </summary>
    public static string? Read(string program, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(timeout) && process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
