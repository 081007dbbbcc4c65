using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// Renders a <see cref="SweepReport"/> as one self-contained HTML file: a sortable table of runs, a phase diagram
/// over any two swept axes, fraction-grokked and test-accuracy curves per setting. Offline, like run reports, and like
/// them loading the runs folder's plotly.js unless written standalone.
/// </summary>
public static class SweepReportWriter
{
    /// <summary>Renders the sweep report with the built-in template.</summary>
    public static string Render(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportTemplate.Sweep.Render(SweepPageBuilder.Build(report));
    }

    /// <summary>Writes the sweep's page into its experiment folder atomically.</summary>
    /// <param name="standalone">Inline plotly.js, so the file works copied anywhere alone; otherwise the page loads the runs folder's copy.</param>
    /// <returns>The path of the written file.</returns>
    public static string WriteTo(SweepReport report, bool standalone = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var folder = Path.GetDirectoryName(Path.GetFullPath(report.ReportPath))!;
        var html = standalone || SharedPlotly.RunsRootAbove(folder, levels: 1) is not { } runsRoot ? Render(report)
            : ReportTemplate.Sweep.Render(SweepPageBuilder.Build(report) with
            {
                PlotlyScript = new RawHtml(""),
                PlotlySource = SharedPlotly.Place(runsRoot, folder),
            });
        AtomicFile.WriteAllText(report.ReportPath, html);
        return report.ReportPath;
    }
}
