namespace GrokDsl.Cli.Benchmarks;

/// <summary>
/// A runs folder of its own for one benchmark process, deleted afterwards: benchmarks force their runs, and
/// must neither reuse nor leave behind runs in the user's folder.
/// </summary>
sealed class ScratchRuns(string name) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"grokdsl-bench-{name}-{Environment.ProcessId}");

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
