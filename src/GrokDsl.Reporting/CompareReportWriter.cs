using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>Renders a <see cref="CompareReport"/> as one self-contained, offline HTML file.</summary>
public static class CompareReportWriter
{
    /// <summary>The file name used when the caller names no output: <c>compare.html</c>.</summary>
    public const string DefaultFileName = "compare.html";

    /// <summary>Renders the comparison with the built-in template.</summary>
    public static string Render(CompareReport report)
    {
        return Render(report, Directory.GetCurrentDirectory());
    }

    /// <summary>Renders the comparison as if it were a file in <paramref name="pageFolder"/>: links to the runs' reports are relative to it.</summary>
    public static string Render(CompareReport report, string pageFolder)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportTemplate.Compare.Render(Build(report, pageFolder));
    }

    /// <summary>Writes the comparison to <paramref name="path"/> atomically; links to the runs' reports are relative to it.</summary>
    /// <returns>The full path of the written file.</returns>
    public static string WriteTo(CompareReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        AtomicFile.WriteAllText(fullPath, ReportTemplate.Compare.Render(Build(report, Path.GetDirectoryName(fullPath)!)));
        return fullPath;
    }

    static ComparePage Build(CompareReport report, string pageFolder)
    {
        var labels = report.Labels();
        var status = report.InProgress ? "in progress" : "finished";
        return new ComparePage(
            Title: $"Comparison of {report.Runs.Count} runs",
            RunCount: report.Runs.Count,
            Experiments: string.Join(", ", report.Runs.Select(run => run.ExperimentId).Distinct()),
            Status: status,
            StatusClass: "status-" + status.Replace(' ', '-'),
            RefreshSeconds: report.InProgress ? LiveRefresh.Seconds : null,
            Counts: RunTable.Counts(report.Runs),
            Notes: report.LoadNotes,
            Differences: [.. report.Differences.Select(axis => new KeyNumber(axis.Key, string.Join(", ", axis.Values)))],
            Runs: RunTable.Of(report.Runs, report.Differences, pageFolder),
            MainFigures: CompareFigures.Main(report.Runs, labels),
            MeasureFigures: CompareFigures.Measures(report.Runs, labels),
            StepAxisCaption: "Steps are on a log axis (the controls above switch it to linear and smooth the curves). Solid lines are test, dotted lines train; ◆ marks the step each run grokked. " +
                             "Click a legend entry to hide a run.",
            Styles: PageAssets.Styles,
            PageScript: PageAssets.Script,
            PlotlyScript: new RawHtml(PlotlyJavaScript.Source),
            PlotlyVersion: PlotlyJavaScript.Version,
            GeneratedAt: Formats.Timestamp(report.GeneratedAt),
            GrokDslVersion: report.GrokDslVersion);
    }
}
