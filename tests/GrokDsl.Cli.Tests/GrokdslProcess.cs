using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GrokDsl.Cli.Tests;

/// <summary>
/// A real <c>grokdsl</c> child process (the CLI built beside the tests), with its own compile cache, whose output
/// and error streams are collected line by line; for what in-process invocation cannot show (signals, servers).
/// </summary>
class GrokdslProcess : IDisposable
{
    public const int SigInt = 2, SigUsr1 = 10, SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    readonly Process _process;
    readonly List<string> _errors = [];
    readonly List<string> _output = [];

    public GrokdslProcess(CliHarness cli, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "GrokDsl.Cli"))
        {
            Environment = { ["GROKDSL_CACHE"] = Path.Combine(cli.Folder, "cache") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        _process = new Process { StartInfo = start };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_errors) _errors.Add(e.Data); };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.Start();
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Errors { get { lock (_errors) return string.Join("\n", _errors); } }
    public string Output { get { lock (_output) return string.Join("\n", _output); } }

    public void Signal(int signal) => Assert.Equal(0, kill(_process.Id, signal));

    /// <summary>Waits until <paramref name="condition"/> holds; fails naming <paramref name="what"/> if the process ends or time runs out first.</summary>
    public void WaitFor(string what, Func<bool> condition, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (_process.HasExited) Assert.Fail($"grokdsl exited ({_process.ExitCode}) before {what}: {Errors}");
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}: {Errors}");
            Thread.Sleep(20);
        }
    }

    public void WaitForExit(int seconds = 60)
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(seconds))) Assert.Fail($"grokdsl did not exit within {seconds} s: {Errors}");
        _process.WaitForExit(); // drains the redirected streams
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }
}
