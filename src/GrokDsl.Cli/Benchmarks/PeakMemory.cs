namespace GrokDsl.Cli.Benchmarks;

/// <summary>
/// This process's peak resident memory (Linux <c>VmHWM</c>, what <c>/usr/bin/time -v</c> reports as "Maximum resident
/// set size"), which the kernel lets a process reset (<c>5</c> into <c>/proc/self/clear_refs</c>) so each workload of a
/// benchmark gets its own peak. Null off Linux.
/// </summary>
static class PeakMemory
{
    const string Status = "/proc/self/status";

    /// <summary>Starts a new peak at the current resident memory; false where the kernel does not allow it.</summary>
    public static bool Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Peak resident memory in MiB since the process started or since the last <see cref="Reset"/>.</summary>
    public static double? MiB()
    {
        if (!File.Exists(Status)) return null;
        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is not null && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], out var kib) ? kib / 1024.0 : null;
    }
}
