namespace GrokDsl.Reporting;

/// <summary>
/// What the comparison template sees (member names as in C#; every value HTML-escaped except <see cref="RawHtml"/>).
/// </summary>
/// <param name="Title">The page title.</param>
/// <param name="RunCount">How many runs are compared.</param>
/// <param name="Experiments">The experiments the runs belong to, comma-separated.</param>
/// <param name="Status">"finished" or "in progress".</param>
/// <param name="StatusClass">A CSS class for the status badge.</param>
/// <param name="RefreshSeconds">While some run is unfinished, how often the page reloads itself; null otherwise.</param>
/// <param name="Counts">How many runs have each status.</param>
/// <param name="Notes">Problems the reader should know of, one sentence each.</param>
/// <param name="Differences">The configuration keys that differ across the runs, with their values.</param>
/// <param name="Runs">One row per run: status, the differing values and key numbers.</param>
/// <param name="MainFigures">Accuracy and loss of every run, overlaid.</param>
/// <param name="MeasureFigures">One chart per progress measure, a line per run.</param>
/// <param name="StepAxisCaption">How to read the charts.</param>
/// <param name="Styles">The shared style sheet.</param>
/// <param name="PageScript">The page's script (charts, sorting).</param>
/// <param name="PlotlyScript">plotly.js, inlined once.</param>
/// <param name="PlotlyVersion">The inlined plotly.js version.</param>
/// <param name="GeneratedAt">When the report was made, ISO 8601 UTC.</param>
/// <param name="GrokDslVersion">The GrokDsl version that made it.</param>
public sealed record ComparePage(
    string Title,
    int RunCount,
    string Experiments,
    string Status,
    string StatusClass,
    int? RefreshSeconds,
    IReadOnlyList<StatusCount> Counts,
    IReadOnlyList<string> Notes,
    IReadOnlyList<KeyNumber> Differences,
    DataTable Runs,
    IReadOnlyList<ReportFigure> MainFigures,
    IReadOnlyList<ReportFigure> MeasureFigures,
    string StepAxisCaption,
    RawHtml Styles,
    RawHtml PageScript,
    RawHtml PlotlyScript,
    string PlotlyVersion,
    string GeneratedAt,
    string GrokDslVersion);
