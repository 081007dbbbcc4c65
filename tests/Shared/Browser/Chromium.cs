using System.Diagnostics;

namespace GrokDsl.Tests.Browser;

/// <summary>
/// Finds Debian's headless-capable Chromium, installing it when it is missing and this test run may: on Linux, as
/// root, with apt-get (CI and fresh developer machines of this project). Installation happens once per machine: an
/// exclusive lock file serializes test processes, and a marker of a failed attempt stops every later test from
/// retrying it for an hour. Where it cannot be had, <see cref="SkipReason"/> says why, and browser tests skip.
/// </summary>
static class Chromium
{
    const string DebianExecutable = "/usr/bin/chromium";
    const string AptGet = "/usr/bin/apt-get";
    static readonly string[] Packages = ["chromium", "fonts-liberation", "fonts-dejavu-core"];
    static readonly string LockPath = Path.Combine(Path.GetTempPath(), "grokdsl-chromium-install.lock");
    static readonly string FailedMarker = Path.Combine(Path.GetTempPath(), "grokdsl-chromium-install.failed");
    static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(15);

    static readonly Lazy<(string? Path, string? SkipReason)> Located = new(LocateOrInstall);

    /// <summary>The executable, or null when it is not available (see <see cref="SkipReason"/>).</summary>
    public static string? Executable => Located.Value.Path;

    /// <summary>Why there is no Chromium, or null when there is one.</summary>
    public static string? SkipReason => Located.Value.SkipReason;

    /// <summary>The executable; where there is none, the test is reported as skipped with the reason (also written to <paramref name="log"/>).</summary>
    public static string Require(Action<string> log)
    {
        if (Executable is null) log($"Skipped: {SkipReason}");
        Skip.If(Executable is null, $"No headless Chromium: {SkipReason}");
        return Executable!;
    }

    static (string?, string?) LocateOrInstall()
    {
        if (File.Exists(DebianExecutable)) return (DebianExecutable, null);
        if (!OperatingSystem.IsLinux()) return (null, $"no {DebianExecutable}, and installing it is only automated on Debian-like Linux.");
        if (Environment.UserName != "root") return (null, $"no {DebianExecutable}, and not running as root: install it with `sudo apt-get install chromium`.");
        if (!File.Exists(AptGet)) return (null, $"no {DebianExecutable} and no {AptGet} to install it with.");

        using var installLock = AcquireLock();
        if (File.Exists(DebianExecutable)) return (DebianExecutable, null); // another test process installed it meanwhile
        if (File.Exists(FailedMarker) && File.GetLastWriteTimeUtc(FailedMarker) > DateTime.UtcNow.AddHours(-1))
            return (null, $"installing chromium failed within the last hour (see {FailedMarker}); not retrying.");

        var log = new List<string>();
        var installed = Run(["update", "-qq"], log) && Run(["install", "-y", "-qq", "--no-install-recommends", .. Packages], log);
        if (installed && File.Exists(DebianExecutable)) return (DebianExecutable, null);
        File.WriteAllLines(FailedMarker, log.TakeLast(40));
        return (null, $"`apt-get install chromium` failed: {string.Join(" | ", log.TakeLast(3))}");
    }

    static FileStream AcquireLock()
    {
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }

    static bool Run(IReadOnlyList<string> arguments, List<string> log)
    {
        var start = new ProcessStartInfo(AptGet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.Add(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.Add(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(InstallTimeout))
        {
            process.Kill(entireProcessTree: true);
            log.Add($"apt-get {string.Join(' ', arguments)} timed out");
            return false;
        }
        process.WaitForExit();
        if (process.ExitCode != 0) log.Add($"apt-get {string.Join(' ', arguments)} exited with {process.ExitCode}");
        return process.ExitCode == 0;
    }
}
