using System.CommandLine;
using GrokDsl.Reporting;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Commands;

/// <summary>The SWEEP-DIR argument of the analysis commands (<c>dynamics</c>, <c>predict</c>): a folder of run folders.</summary>
static class SweepDirectoryArgument
{
    public static Argument<string> Create() => new("sweep-dir")
    {
        Description = "A sweep directory: runs/<experiment-id>, one folder per run.",
    };

    public static Option<string?> SweepId() => new("--sweep-id")
    {
        Description = "Which recorded sweep of the folder to analyse (see its sweep-<id>.json); needed when it holds several.",
    };

    /// <summary>
    /// The run directories of the chosen sweep (as <c>report</c> chooses: the one named, the only one recorded, or every
    /// run folder when none is), or null after printing why there are none.
    /// </summary>
    public static (IReadOnlyList<RunDirectory> Runs, SweepManifest? Sweep)? Runs(string path, string? sweepId)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            Console.Error.WriteLine($"error: {full}: no such directory");
            return null;
        }
        if (!ReportCommand.TryChooseSweep(full, sweepId, out var manifest)) return null;
        var ofSweep = manifest?.RunIds.ToHashSet(StringComparer.Ordinal);
        var runs = ReportTargets.RunDirectoriesIn(full)
            .Where(folder => ofSweep is null || ofSweep.Contains(Path.GetFileName(folder)))
            .Select(folder => new RunDirectory(folder)).ToList();
        if (runs.Count == 0) Console.Error.WriteLine($"error: {full}: no run folders inside (give runs/<experiment-id>, not a run or the runs root)");
        return runs.Count == 0 ? null : (runs, manifest);
    }
}
