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

    /// <summary>The run directories inside, or null after printing why there are none.</summary>
    public static IReadOnlyList<RunDirectory>? Runs(string path)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            Console.Error.WriteLine($"error: {full}: no such directory");
            return null;
        }
        var runs = ReportTargets.RunDirectoriesIn(full).Select(folder => new RunDirectory(folder)).ToList();
        if (runs.Count == 0) Console.Error.WriteLine($"error: {full}: no run folders inside (give runs/<experiment-id>, not a run or the runs root)");
        return runs.Count == 0 ? null : runs;
    }
}
