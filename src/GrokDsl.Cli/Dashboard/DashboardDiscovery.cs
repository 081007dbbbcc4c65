using System.Diagnostics;
using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Dashboard;

/// <summary>
/// <c>&lt;runs&gt;/.grokdsl-serve.json</c>: where the dashboard over a runs folder listens, written by <c>serve</c> once it
/// listens and removed when it stops, so that <c>run</c> and <c>sweep</c> can print its URL. A file left by a killed
/// server names a process that no longer runs, and is ignored.
/// </summary>
static class DashboardDiscovery
{
    public const string FileName = ".grokdsl-serve.json";

    sealed record Entry(string Url, int Pid);

    public static string PathIn(string runsRoot) => Path.Combine(runsRoot, FileName);

    public static void Write(string runsRoot, string url) =>
        AtomicFile.WriteAllText(PathIn(runsRoot), JsonSerializer.Serialize(new Entry(url, Environment.ProcessId), RunJson.Indented));

    /// <summary>Removes the file if this process wrote it (another server may have taken the folder over since).</summary>
    public static void Remove(string runsRoot)
    {
        if (Read(runsRoot) is { Pid: var pid } && pid == Environment.ProcessId) File.Delete(PathIn(runsRoot));
    }

    /// <summary>The URL of the dashboard serving <paramref name="runsRoot"/> now, or null when none does.</summary>
    public static string? RunningUrl(string runsRoot) => Read(runsRoot) is { } entry && IsRunning(entry.Pid) ? entry.Url : null;

    /// <summary>Prints "dashboard: URL" when a dashboard serves the runs folder; what <c>run</c> and <c>sweep</c> call before training.</summary>
    public static void PrintUrl(string runsRoot, TextWriter output)
    {
        if (RunningUrl(runsRoot) is { } url) output.WriteLine($"dashboard: {url}");
    }

    static Entry? Read(string runsRoot)
    {
        try
        {
            return File.Exists(PathIn(runsRoot)) ? JsonSerializer.Deserialize<Entry>(File.ReadAllText(PathIn(runsRoot)), RunJson.Indented) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null; // a torn or vanishing file means no dashboard to point at, never a failed run
        }
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
