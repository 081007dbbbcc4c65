using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GrokDsl.Reporting.Tests;

/// <summary>Reading rendered reports in tests.</summary>
static partial class ReportHtml
{
    public const string PlotlyPlaceholder = "/* plotly.js omitted from the snapshot */";

    /// <summary>Renders with the built-in template and drops plotly.js, for readable (and fast) assertions on the page.</summary>
    public static string RenderPage(RunReport report) => WithoutPlotly(RunReportWriter.Render(report));

    /// <summary>
    /// The page without its 3.6 MB plotly.js: xUnit's string asserts compare culture-aware (slow on megabytes)
    /// and print the whole string when they fail.
    /// </summary>
    public static string WithoutPlotly(string html)
    {
        Assert.Equal(1, Count(html, PlotlyJavaScript.Source));
        return html.Replace(PlotlyJavaScript.Source, PlotlyPlaceholder, StringComparison.Ordinal);
    }

    /// <summary>Removes what changes between runs and machines (and plotly.js) before snapshotting.</summary>
    public static string Scrub(string html)
    {
        var withoutPlotly = WithoutPlotly(html);
        var withoutTime = TimeElement().Replace(withoutPlotly, """<time datetime="[timestamp]">[timestamp]</time>""");
        var withoutVersion = VersionElement().Replace(withoutTime, """<span class="version">[version]</span>""");
        return GeneratorMeta().Replace(withoutVersion, """<meta name="generator" content="GrokDsl [version]">""");
    }

    public static int Count(string html, string needle)
    {
        var count = 0;
        for (var at = html.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = html.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    /// <summary>The figure JSON handed to Plotly for the element <paramref name="elementId"/>, parsed.</summary>
    public static JsonObject Figure(string html, string elementId)
    {
        var match = Regex.Match(html, $"""<script type="application/json" data-plot="{Regex.Escape(elementId)}">(.*?)</script>""", RegexOptions.Singleline);
        Assert.True(match.Success, $"no figure block for {elementId}");
        return JsonNode.Parse(match.Groups[1].Value)!.AsObject();
    }

    [GeneratedRegex("""<time datetime="[^"]*">[^<]*</time>""")]
    private static partial Regex TimeElement();

    [GeneratedRegex("""<span class="version">[^<]*</span>""")]
    private static partial Regex VersionElement();

    [GeneratedRegex("""<meta name="generator" content="GrokDsl [^"]*">""")]
    private static partial Regex GeneratorMeta();
}
