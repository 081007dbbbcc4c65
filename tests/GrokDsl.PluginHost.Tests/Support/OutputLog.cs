namespace GrokDsl.PluginHostTests.Support;

/// <summary>The lines a child process printed, collected from its output threads, with a way to wait for some.</summary>
sealed class OutputLog
{
    readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public void Add(string line)
    {
        lock (_lines) _lines.Add(line);
    }

    /// <summary>Waits until <paramref name="count"/> lines match; fails with everything printed so far otherwise.</summary>
    public async Task WaitFor(Func<string, bool> match, int count, TimeSpan timeout, System.Diagnostics.Process process)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Lines.Count(match) < count)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
                Assert.Fail($"{(process.HasExited ? "grokdsl exited" : "timed out")} before {count} matching line(s); it printed:\n{string.Join("\n", Lines)}");
            await Task.Delay(100);
        }
    }
}
