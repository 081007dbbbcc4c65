using System.Diagnostics;

namespace GrokDsl.PluginHostTests.Support;

/// <summary>The <c>dotnet</c> CLI (or a program it installed) as a child process, the way a user runs it.</summary>
static class Dotnet
{
    /// <summary>Runs <c>dotnet build ARGS</c>; throws with the build's output when it fails.</summary>
    public static void Build(params string[] args) => Run("build", [.. args, "-nologo", "-v:q", "-nodeReuse:false"]);

    /// <summary>Runs <c>dotnet VERB ARGS</c>; throws with its output when it fails, and returns that output.</summary>
    public static string Run(string verb, params string[] args)
    {
        var (exitCode, output) = Start(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [verb, .. args], workingDirectory: null);
        if (exitCode != 0) throw new InvalidOperationException($"dotnet {verb} {string.Join(' ', args)} failed ({exitCode}):\n{output}");
        return output;
    }

    /// <summary>Runs a program to its end (at most 10 minutes) and returns its exit code and its stdout and stderr together.</summary>
    public static (int ExitCode, string Output) Start(string program, IEnumerable<string> args, string? workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The test host's MSBuild settings would point a child build at this test run's own build.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(variable);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
