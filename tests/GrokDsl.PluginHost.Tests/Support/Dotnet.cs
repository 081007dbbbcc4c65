using System.Diagnostics;

namespace GrokDsl.PluginHostTests.Support;

/// <summary>The <c>dotnet</c> CLI as a child process, the way a plugin author runs it.</summary>
static class Dotnet
{
    /// <summary>Runs <c>dotnet build ARGS</c>; throws with the build's output when it fails.</summary>
    public static void Build(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["build", .. args, "-nologo", "-v:q", "-nodeReuse:false"]) start.ArgumentList.Add(arg);
        // The test host's MSBuild settings would point the child build at this test run's own build.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(variable);

        using var build = Process.Start(start)!;
        var stdout = build.StandardOutput.ReadToEndAsync();
        var stderr = build.StandardError.ReadToEndAsync();
        if (!build.WaitForExit(TimeSpan.FromMinutes(5))) build.Kill(entireProcessTree: true);
        build.WaitForExit();
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"dotnet build {string.Join(' ', args)} failed ({build.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
    }
}
