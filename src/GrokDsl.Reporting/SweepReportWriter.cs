using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// Renders a <see cref="SweepReport"/> as one self-contained HTML file: a sortable table of runs, a phase diagram
/// over any two swept axes, fraction-grokked and test-accuracy curves per setting. Offline, like run reports.
/// </summary>
public static class SweepReportWriter
{
    /// <summary>Renders the sweep report with the built-in template.</summary>
    public static string Render(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportTemplate.Sweep.Render(SweepPageBuilder.Build(report));
    }

    /// <summary>Writes <c>report.html</c> into the sweep directory atomically.</summary>
    /// <returns>The path of the written file.</returns>
    public static string WriteTo(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        AtomicFile.WriteAllText(report.ReportPath, Render(report));
        return report.ReportPath;
    }
}
