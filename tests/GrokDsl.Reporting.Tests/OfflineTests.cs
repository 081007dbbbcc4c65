using System.Text.RegularExpressions;

namespace GrokDsl.Reporting.Tests;

public sealed class OfflineTests
{
    static readonly string Html = RunReportWriter.Render(Fixture.Load());

    [Fact]
    public void Plotly_js_is_inlined_exactly_once_in_head()
    {
        Assert.StartsWith("2.", PlotlyJavaScript.Version);
        Assert.Equal($"Plotly.NET.plotly-{PlotlyJavaScript.Version}.min.js", PlotlyJavaScript.ResourceName);
        Assert.True(PlotlyJavaScript.Source.Length > 1_000_000);

        Assert.Equal(1, ReportHtml.Count(Html, PlotlyJavaScript.Source));
        var head = Html[..Html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.True(head.Contains("<script>" + PlotlyJavaScript.Source + "</script>", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_is_fetched_from_the_network()
    {
        // plotly.js itself holds URLs in strings (map tiles, docs links) that these charts never use; the rest
        // of the page must hold none at all.
        var page = ReportHtml.WithoutPlotly(Html);

        Assert.DoesNotMatch(new Regex(@"<script[^>]*\bsrc\s*=", RegexOptions.IgnoreCase), Html);
        Assert.DoesNotMatch(new Regex(@"<link\b", RegexOptions.IgnoreCase), page);
        Assert.DoesNotMatch(new Regex(@"\b(src|href)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase), page);
        Assert.DoesNotContain("http://", page);
        Assert.DoesNotContain("https://", page);
        Assert.DoesNotContain("@import", page);
    }

    [Fact]
    public void Each_figure_has_a_target_element_and_parses_as_json()
    {
        var page = ReportHtml.WithoutPlotly(Html);
        foreach (var id in new[] { "chart-accuracy", "chart-loss", "chart-measure-0", "chart-measure-1" })
        {
            Assert.Contains($"""<div class="plot" id="{id}"></div>""", page);
            Assert.NotNull(ReportHtml.Figure(page, id)["layout"]);
        }
        Assert.Contains("Plotly.newPlot(", page);
    }
}
