using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// Renders a <see cref="RunReport"/> as an HTML file that needs no network: figures as JSON, styles inline, and
/// plotly.js either inlined once (<see cref="Render(RunReport)"/>, standalone) or shared by the runs folder
/// (<see cref="SharedPlotly"/>, what <see cref="WriteTo"/> does by default).
/// </summary>
public static class RunReportWriter
{
    /// <summary>Renders the report with the built-in template.</summary>
    /// <exception cref="ReportTemplateException">The built-in template failed (a bug in GrokDsl).</exception>
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportTemplate.Run.Render(ReportPageBuilder.Build(report));
    }

    /// <summary>
    /// Renders the report with a user's Scriban template. It sees a <see cref="ReportPage"/> (member names as in
    /// C#, strict variables) and everything it writes is HTML-escaped except <see cref="RawHtml"/> values.
    /// </summary>
    /// <param name="report">The report to render.</param>
    /// <param name="templatePath">The template file; start from <c>Templates/run-report.sbn-html</c> in GrokDsl's sources.</param>
    /// <exception cref="ReportTemplateException">The template cannot be read, does not parse, or fails while rendering; the message starts with file:line:column.</exception>
    public static string Render(RunReport report, string templatePath)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(templatePath);
        return ReportTemplate.FromFile(templatePath).Render(ReportPageBuilder.Build(report));
    }

    /// <summary>
    /// Writes <c>report.html</c> into the run directory atomically: a reader sees the previous report or the new
    /// one, never half a file.
    /// </summary>
    /// <param name="directory">The run directory.</param>
    /// <param name="report">The report to render.</param>
    /// <param name="templatePath">A user template instead of the built-in one (it gets plotly.js inlined); null for the built-in one.</param>
    /// <param name="standalone">Inline plotly.js, so the file works copied anywhere alone; otherwise the page loads the runs folder's copy.</param>
    /// <returns>The path of the written file.</returns>
    public static string WriteTo(RunDirectory directory, RunReport report, string? templatePath = null, bool standalone = false)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var html = templatePath is not null ? Render(report, templatePath)
            : standalone || SharedPlotly.RunsRootAbove(directory.Path, levels: 2) is not { } runsRoot ? Render(report)
            : ReportTemplate.Run.Render(ReportPageBuilder.Build(report) with
            {
                PlotlyScript = new RawHtml(""),
                PlotlySource = SharedPlotly.Place(runsRoot, directory.Path),
            });
        AtomicFile.WriteAllText(directory.ReportPath, html);
        return directory.ReportPath;
    }
}
