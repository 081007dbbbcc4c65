namespace GrokDsl.Reporting;

/// <summary>
/// What the sweep template sees (member names as in C#; every value HTML-escaped except <see cref="RawHtml"/>).
/// </summary>
/// <param name="Title">The page title.</param>
/// <param name="ExperimentId">The experiment's id.</param>
/// <param name="Status">"finished" or "in progress".</param>
/// <param name="StatusClass">A CSS class for the status badge.</param>
/// <param name="RefreshSeconds">While some run is unfinished, how often the page reloads itself; null otherwise.</param>
/// <param name="Counts">How many runs have each status, in a fixed order, statuses with no run left out.</param>
/// <param name="Source">The experiment's citation, if known.</param>
/// <param name="ReproduceCommand">The command that runs the sweep again.</param>
/// <param name="Notes">Problems the reader should know of, one sentence each.</param>
/// <param name="KeyNumbers">Runs, settings, seeds and the like.</param>
/// <param name="Axes">The swept configuration keys and their values, the seed last.</param>
/// <param name="Settings">One row per setting: its values, runs, fraction grokked, median grokking step with its interval, final test accuracy.</param>
/// <param name="Runs">One row per run: status, swept values and key numbers, linked to the run's own report.</param>
/// <param name="PhaseDiagramData">The phase diagram's cells as JSON (<see cref="PhaseDiagram"/>); null when the sweep varies nothing but the seed.</param>
/// <param name="Figures">Fraction grokked and test accuracy against step, one colour per setting.</param>
/// <param name="StepAxisCaption">How to read the curves.</param>
/// <param name="Dynamics">The training-dynamics section (HMM training map, early prediction), or null.</param>
/// <param name="Styles">The shared style sheet.</param>
/// <param name="PageScript">The page's own script (charts, sorting, the phase diagram).</param>
/// <param name="PlotlyScript">plotly.js, inlined once.</param>
/// <param name="PlotlyVersion">The plotly.js version.</param>
/// <param name="PlotlySource">Where the page loads plotly.js from, relative to it (<see cref="SharedPlotly"/>); null when <paramref name="PlotlyScript"/> is inlined.</param>
/// <param name="GeneratedAt">When the report was made, ISO 8601 UTC.</param>
/// <param name="GrokDslVersion">The GrokDsl version that made it.</param>
public sealed record SweepPage(
    string Title,
    string ExperimentId,
    string Status,
    string StatusClass,
    int? RefreshSeconds,
    IReadOnlyList<StatusCount> Counts,
    string? Source,
    string ReproduceCommand,
    IReadOnlyList<string> Notes,
    IReadOnlyList<KeyNumber> KeyNumbers,
    IReadOnlyList<KeyNumber> Axes,
    DataTable Settings,
    DataTable Runs,
    RawHtml? PhaseDiagramData,
    IReadOnlyList<ReportFigure> Figures,
    string StepAxisCaption,
    DynamicsSection? Dynamics,
    RawHtml Styles,
    RawHtml PageScript,
    RawHtml PlotlyScript,
    string PlotlyVersion,
    string GeneratedAt,
    string GrokDslVersion,
    string? PlotlySource = null);

/// <summary>How many runs have one status.</summary>
/// <param name="Status">The status word, e.g. "grokked".</param>
/// <param name="CssClass">The badge class, e.g. <c>status-grokked</c>.</param>
/// <param name="Count">The number of runs.</param>
public sealed record StatusCount(string Status, string CssClass, int Count);
