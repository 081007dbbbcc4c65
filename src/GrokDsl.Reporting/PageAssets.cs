namespace GrokDsl.Reporting;

/// <summary>
/// The style sheet (<c>Templates/report.css</c>) and the script (<c>Templates/report.js</c> and
/// <c>Templates/chart-controls.js</c>) every report page shares, inlined so that a page needs no other file.
/// </summary>
static class PageAssets
{
    static readonly Lazy<RawHtml> LoadedStyles = new(() =>
        // Authored by us, but kept safe inside <style> all the same: no "</" can end the element early.
        new RawHtml(ReportTemplate.ReadResource("report.css").Replace("</", "<\\/", StringComparison.Ordinal)));

    // One script element per page: the charts, tables and phase diagram (report.js), then the step-axis and
    // smoothing controls over the charts it drew (chart-controls.js).
    static readonly Lazy<RawHtml> LoadedScript = new(() =>
    {
        var script = ReportTemplate.ReadResource("report.js") + "\n" + ReportTemplate.ReadResource("chart-controls.js");
        // Unlike CSS, "<\/" is not a harmless rewrite everywhere in JavaScript: refuse instead of rewriting.
        if (script.Contains("</", StringComparison.Ordinal) || script.Contains("<!--", StringComparison.Ordinal))
            throw new InvalidOperationException("Templates/report.js and chart-controls.js must not contain \"</\" or \"<!--\": they would end its <script> element.");
        return new RawHtml(script);
    });

    public static RawHtml Styles => LoadedStyles.Value;

    public static RawHtml Script => LoadedScript.Value;
}
