using System.Diagnostics;

namespace GrokDsl.Presets.Tests;

/// <summary>
/// Real data comes from Debian packages (nothing is downloaded at run time). Tests that need one install
/// it when they can (root with apt), once per machine, and otherwise say why they cannot run.
/// </summary>
static class DebianData
{
    static readonly object Gate = new();

    /// <summary>Null when <paramref name="folder"/> is there (installing <paramref name="package"/> if needed); otherwise why not.</summary>
    public static string? Ensure(string package, string folder)
    {
        lock (Gate)
        {
            if (Directory.Exists(folder)) return null;
            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get")) return $"{folder} is missing and this is not a Debian machine to install {package} on";
            if (Environment.UserName != "root") return $"{folder} is missing; install it with: sudo apt-get install {package}";

            var (code, output) = Run("apt-get", "install", "-y", "--no-install-recommends", package);
            if (code != 0)
            {
                Run("apt-get", "update");
                (code, output) = Run("apt-get", "install", "-y", "--no-install-recommends", package);
            }
            return Directory.Exists(folder) ? null : $"apt-get install {package} failed ({code}): {output[^Math.Min(500, output.Length)..]}";
        }
    }

    static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }
}
