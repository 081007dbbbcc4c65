using System.Text.RegularExpressions;

namespace GrokDsl.Reporting.Tests;

public sealed class TemplateTests : IDisposable
{
    readonly TempRuns _runs = new();
    static readonly RunReport Report = Fixture.Load();

    string Template(string text)
    {
        var path = Path.Combine(_runs.Root, "custom.sbn-html");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Parse_error_names_file_line_and_column()
    {
        var path = Template("<html>\n<body>\n  <h1>{{ if ExperimentId }} {{ RunId + }}{{ end }}</h1>\n");

        var error = Assert.Throws<ReportTemplateException>(() => RunReportWriter.Render(Report, path));

        Assert.Equal(path, error.TemplatePath);
        Assert.Equal(3, error.Line);
        Assert.StartsWith($"{path}:3:{error.Column}: ", error.Message);
        Assert.InRange(error.Column, 28, 40);
    }

    [Theory]
    [InlineData("<p>\n{{ NoSuchValue }}", 2, 4)]
    [InlineData("{{ for row in KeyNumbers }}\n  {{ row.Lable }}\n{{ end }}", 2, 10)]
    public void Runtime_error_names_file_line_and_column(string text, int line, int column)
    {
        var path = Template(text);

        var error = Assert.Throws<ReportTemplateException>(() => RunReportWriter.Render(Report, path));

        Assert.Matches(new Regex($"^{Regex.Escape(path)}:{line}:{column}: "), error.Message);
    }

    [Fact]
    public void Missing_template_file_is_a_template_error_too()
    {
        var path = Path.Combine(_runs.Root, "no-such.sbn-html");

        var error = Assert.Throws<ReportTemplateException>(() => RunReportWriter.Render(Report, path));

        Assert.StartsWith($"{path}: cannot read the template", error.Message);
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }

    [Fact]
    public void Custom_template_sees_the_page_model_with_csharp_names()
    {
        var path = Template("{{ ExperimentId }}|{{ Status }}|{{ for p in Plugins }}{{ p.Id }}={{ p.Version }};{{ end }}");

        Assert.Equal(
            "modular-addition|grokked|grokdsl.mlp=0.1.0;grokdsl.modular-arithmetic=0.1.0;grokdsl.weight-norm=0.1.0;",
            RunReportWriter.Render(Report, path));
    }

    [Fact]
    public void Write_to_puts_report_html_in_the_run_directory_and_leaves_no_temp_file()
    {
        var run = _runs.CopyOfFixture();
        var report = Fixture.Load(run);

        var path = RunReportWriter.WriteTo(run, report, standalone: true);

        Assert.Equal(run.ReportPath, path);
        Assert.Equal(RunReportWriter.Render(report), File.ReadAllText(path));
        Assert.DoesNotContain(Directory.GetFiles(run.Path), file => file.EndsWith(".tmp", StringComparison.Ordinal));
    }

    public void Dispose() => _runs.Dispose();
}
