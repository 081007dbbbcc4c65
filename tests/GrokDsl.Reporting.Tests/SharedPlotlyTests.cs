using GrokDsl.Runs;

namespace GrokDsl.Reporting.Tests;

/// <summary>Run and sweep pages written into a runs folder share its one plotly.min.js; standalone pages inline it.</summary>
public sealed class SharedPlotlyTests : IDisposable
{
    readonly TempRuns _runs = new();

    string SharedScript => Path.Combine(_runs.Root, SharedPlotly.FileName);

    [Fact]
    public void Run_reports_load_the_runs_folders_one_copy_by_a_relative_path()
    {
        var first = _runs.CopyOfFixture();
        var second = _runs.NewRun(Fixture.ExperimentId, "9f8e7d6c5b4a");
        foreach (var file in Directory.GetFiles(first.Path)) File.Copy(file, Path.Combine(second.Path, Path.GetFileName(file)));

        RunReportWriter.WriteTo(first, Fixture.Load(first));
        var written = File.GetLastWriteTimeUtc(SharedScript);
        RunReportWriter.WriteTo(second, Fixture.Load(second));

        foreach (var run in new[] { first, second })
        {
            var html = File.ReadAllText(run.ReportPath);
            Assert.Contains("""<script src="../../plotly.min.js"></script>""", html);
            Assert.DoesNotContain(PlotlyJavaScript.Source, html);
            Assert.True(html.Length < 200_000, $"{html.Length} characters");
        }
        Assert.Equal(PlotlyJavaScript.Source, File.ReadAllText(SharedScript));
        Assert.Equal(written, File.GetLastWriteTimeUtc(SharedScript));
        Assert.Single(Directory.GetFiles(_runs.Root, "*.js", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_standalone_report_inlines_plotly_and_writes_no_shared_copy()
    {
        var run = _runs.CopyOfFixture();

        RunReportWriter.WriteTo(run, Fixture.Load(run), standalone: true);

        var html = File.ReadAllText(run.ReportPath);
        Assert.Equal(1, ReportHtml.Count(html, PlotlyJavaScript.Source));
        Assert.Contains("inlined: this file works offline", html);
        Assert.False(File.Exists(SharedScript));
    }

    [Fact]
    public void A_sweep_report_loads_the_same_copy_one_folder_up()
    {
        var sweep = SweepFixture.Create(_runs.Root);

        var path = SweepReportWriter.WriteTo(SweepReport.Load(sweep, "grokdsl run modular-sweep"));

        Assert.Contains("""<script src="../plotly.min.js"></script>""", File.ReadAllText(path));
        Assert.True(File.Exists(SharedScript));
        Assert.Equal(1, ReportHtml.Count(SweepReportWriter.Render(SweepReport.Load(sweep, "grokdsl run modular-sweep")), PlotlyJavaScript.Source));
    }

    public void Dispose() => _runs.Dispose();
}
