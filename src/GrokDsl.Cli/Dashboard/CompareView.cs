using GrokDsl.Reporting;
using GrokDsl.Runs;
using Microsoft.AspNetCore.Http;

namespace GrokDsl.Cli.Dashboard;

/// <summary>
/// <c>/runs/compare?run=EXPERIMENT/RUN&amp;run=...</c> or <c>?sweep=EXPERIMENT/SWEEP</c>: the comparison report
/// (<see cref="CompareReportWriter"/>) rendered on request, so it shows the runs as they are now.
/// </summary>
static class CompareView
{
    public static IResult Render(string runsRoot, string?[] runs, string?[] sweeps)
    {
        try
        {
            var directories = runs.Select(run => Run(runsRoot, run)).Concat(sweeps.SelectMany(sweep => SweepRuns(runsRoot, sweep))).ToList();
            if (directories.Count == 0) return Results.BadRequest("name runs to compare: ?run=EXPERIMENT/RUN (repeatable) or ?sweep=EXPERIMENT/SWEEP");
            // Rendered as if it sat at the top of the runs folder, the URL it is served from: its links to run reports resolve.
            return Results.Content(CompareReportWriter.Render(CompareReport.Load(directories), runsRoot), "text/html; charset=utf-8");
        }
        catch (ArgumentException e)
        {
            return Results.BadRequest(e.Message);
        }
    }

    static RunDirectory Run(string runsRoot, string? run)
    {
        var (experiment, id) = Split(run, "run");
        var directory = RunDirectory.For(runsRoot, experiment, id);
        if (!File.Exists(directory.ConfigurationPath)) throw new ArgumentException($"no run {experiment}/{id} in {runsRoot}");
        return directory;
    }

    static IEnumerable<RunDirectory> SweepRuns(string runsRoot, string? sweep)
    {
        var (experiment, id) = Split(sweep, "sweep");
        var manifest = SweepManifest.ReadAll(RunDirectory.ExperimentFolder(runsRoot, experiment)).FirstOrDefault(m => m.SweepId == id)
                       ?? throw new ArgumentException($"no sweep {experiment}/{id} in {runsRoot}");
        return manifest.RunIds.Select(runId => RunDirectory.For(runsRoot, experiment, runId)).Where(d => File.Exists(d.ConfigurationPath));
    }

    static (string Experiment, string Id) Split(string? value, string what)
    {
        var at = value?.IndexOf('/') ?? -1;
        if (at <= 0 || at == value!.Length - 1) throw new ArgumentException($"{what} '{value}' is not EXPERIMENT/ID");
        return (value[..at], value[(at + 1)..]);
    }
}
