using System.Reflection;

namespace GrokDsl.Cli.Launchers;

/// <summary>
/// The command line that starts this same grokdsl in another process (a scheduler's task), by
/// absolute path: the apphost or tool shim that is running, or <c>dotnet GrokDsl.Cli.dll</c>.
/// </summary>
public static class GrokDslExecutable
{
    public static IReadOnlyList<string> Current()
    {
        var cli = typeof(GrokDslCommand).Assembly;
        var processPath = Environment.ProcessPath;
        var host = processPath is null ? null : Path.GetFileNameWithoutExtension(processPath);
        if (host == "dotnet") return [processPath!, cli.Location];
        if (processPath is not null && Assembly.GetEntryAssembly() == cli) return [processPath];

        // Hosted by something else (a test runner): the apphost the build puts beside the assembly.
        var apphost = Path.Combine(Path.GetDirectoryName(cli.Location)!, OperatingSystem.IsWindows() ? "GrokDsl.Cli.exe" : "GrokDsl.Cli");
        return File.Exists(apphost) ? [apphost] : [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", cli.Location];
    }

    /// <summary>An explicit executable (for clusters where compute nodes see grokdsl elsewhere), or <see cref="Current"/>.</summary>
    public static IReadOnlyList<string> FromOption(string? path) =>
        path is null ? Current() : [Path.GetFullPath(path)];
}
