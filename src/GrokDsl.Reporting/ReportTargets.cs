using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>What a directory given to <c>grokdsl report</c> is.</summary>
public enum ReportTargetKind
{
    /// <summary>The path does not exist or is not a directory.</summary>
    Missing,

    /// <summary>One run: it holds a run's files (<c>config.json</c>, <c>metrics.jsonl</c> or <c>summary.json</c>).</summary>
    Run,

    /// <summary>A sweep: no run files of its own, and at least one run folder inside.</summary>
    Sweep,

    /// <summary>A directory that is neither.</summary>
    Unknown,
}

/// <summary>Tells run directories from sweep directories, so one command reports either.</summary>
public static class ReportTargets
{
    static readonly string[] RunFiles = [RunDirectory.ConfigurationFile, RunDirectory.MetricsFileName, RunDirectory.SummaryFile];

    public static ReportTargetKind Detect(string path)
    {
        if (!Directory.Exists(path)) return ReportTargetKind.Missing;
        if (IsRunDirectory(path)) return ReportTargetKind.Run;
        return RunDirectoriesIn(path).Any() ? ReportTargetKind.Sweep : ReportTargetKind.Unknown;
    }

    /// <summary>
    /// A run directory holds its configuration; one whose <c>config.json</c> is lost but that has metrics or a
    /// summary is still a (damaged) run, and is reported as one.
    /// </summary>
    public static bool IsRunDirectory(string path) => RunFiles.Any(file => File.Exists(Path.Combine(path, file)));

    /// <summary>The run folders directly inside <paramref name="sweepDirectory"/>, sorted by name.</summary>
    public static IEnumerable<string> RunDirectoriesIn(string sweepDirectory) =>
        Directory.Exists(sweepDirectory)
            ? Directory.EnumerateDirectories(sweepDirectory).Where(IsRunDirectory).Order(StringComparer.Ordinal)
            : [];
}
