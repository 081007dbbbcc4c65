using GrokDsl.Reporting;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Commands;

/// <summary>How every command writes a run's report.html: from its run directory alone.</summary>
static class RunReports
{
    /// <summary>
    /// The report as a pure function of the directory (its citation and reproducing command line are recorded there);
    /// runs recorded before that fall back on the built-in experiment's citation.
    /// </summary>
    /// <returns>The report written and its path.</returns>
    /// <param name="standalone">Inline plotly.js instead of loading the runs folder's copy.</param>
    public static (string Path, RunReport Report) Write(RunDirectory directory, string? template = null, bool standalone = false)
    {
        var report = RunReport.Load(directory);
        if (report.Source is null && BuiltInCitation(report.ExperimentId) is { } citation) report = report with { Source = citation };
        return (RunReportWriter.WriteTo(directory, report, template, standalone), report);
    }

    public static string? BuiltInCitation(string? experimentId) =>
        ExperimentResolver.BuiltIn.FirstOrDefault(e => e.Info.Id == experimentId)?.Info.Source;

    /// <summary>Records the plan's sweep (its manifest): its runs and <paramref name="command"/> ("sweep", "run") that runs them again.</summary>
    public static SweepManifest WriteManifest(RunPlan plan, string command)
    {
        var manifest = plan.Manifest(command);
        manifest.WriteTo(plan.ExperimentFolder);
        return manifest;
    }

    /// <summary>
    /// After a sweep: its manifest and the sweep report over exactly its runs. Nothing when no run has a directory (every
    /// one failed before it began), so that a sweep that could not start leaves the runs folder untouched. A report that
    /// cannot be written costs a warning, not the sweep.
    /// </summary>
    public static void WriteSweep(RunPlan plan, string command, TextWriter output, TextWriter error)
    {
        if (!Enumerable.Range(0, plan.Runs.Count).Any(i => Directory.Exists(plan.DirectoryOf(i).Path))) return;
        var manifest = WriteManifest(plan, command);
        try
        {
            var report = SweepReport.Load(plan.ExperimentFolder, $"{GrokdslInvocation.Prefix} {ShellWords.Join(manifest.Command)}", plan.Experiment.Info.Source, manifest: manifest);
            output.WriteLine($"sweep report: {SweepReportWriter.WriteTo(report)}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"warning: {plan.ExperimentFolder}: sweep report not written ({e.GetType().Name}: {e.Message}); `grokdsl report {plan.ExperimentFolder} --sweep-id {manifest.SweepId}` retries");
        }
    }
}
