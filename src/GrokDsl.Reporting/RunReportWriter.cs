using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// Renders a <see cref="RunReport"/> as one self-contained HTML file: plotly.js inlined once, figures as JSON,
/// styles inline, no network access needed to open it.
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
    /// <param name="templatePath">A user template instead of the built-in one; null for the built-in one.</param>
    /// <returns>The path of the written file.</returns>
    public static string WriteTo(RunDirectory directory, RunReport report, string? templatePath = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var html = templatePath is null ? Render(report) : Render(report, templatePath);
        AtomicFile.WriteAllText(directory.ReportPath, html);
        return directory.ReportPath;
    }
}
