using System.Diagnostics;

namespace GrokDsl.Slurm.Tests.Support;

/// <summary>Runs a bash command line with a time limit; stdout and stderr come back together.</summary>
static class Shell
{
    public static (int ExitCode, string Output) Run(string command, TimeSpan? timeout = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash", ["-c", command + " 2>&1"]) { RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds:0} s: {command}\n{output.Result}");
        }
        return (process.ExitCode, output.Result);
    }

    /// <summary>The last lines of a file, for a failure message; a note when it does not exist.</summary>
    public static string Tail(string path, int lines = 15) =>
        File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : $"({path} does not exist)";
}
