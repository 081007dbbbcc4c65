using System.Diagnostics;

namespace GrokDsl.Cli.Benchmarks;

/// <summary>
/// Other processes that keep every core busy while a benchmark measures, as other builds and tests do on a shared
/// machine: allocator and thread-pool effects that a quiet machine hides (memory that grew only when loaded, for one)
/// show up. One busy-looping <c>sh</c> per core, stopped on dispose.
/// </summary>
sealed class CpuLoad : IDisposable
{
    readonly List<Process> _burners = [];

    CpuLoad(int processes)
    {
        for (var i = 0; i < processes; i++)
            _burners.Add(Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "while :; do :; done"]) { UseShellExecute = false })!);
    }

    /// <summary>Starts one busy process per core, or explains why it cannot (no /bin/sh, as on Windows).</summary>
    public static CpuLoad? Start(out string? problem)
    {
        problem = File.Exists("/bin/sh") ? null : "no /bin/sh to run the load with";
        return problem is null ? new CpuLoad(Environment.ProcessorCount) : null;
    }

    public int Processes => _burners.Count;

    public void Dispose()
    {
        foreach (var burner in _burners)
        {
            try
            {
                burner.Kill();
                burner.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            burner.Dispose();
        }
    }
}
