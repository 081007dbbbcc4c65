namespace GrokDsl.Reporting;

/// <summary>
/// What a report template sees. Each property is a template global under its C# name (no snake_case renaming:
/// <c>{{ ExperimentId }}</c>, <c>{{ for row in KeyNumbers }}{{ row.Label }}{{ end }}</c>). Every value is written
/// HTML-escaped except <see cref="RawHtml"/> values (<see cref="PlotlyScript"/>, <see cref="PageScript"/>, <see cref="ReportFigure.Json"/>).
/// </summary>
/// <param name="Title">The page title: experiment id and run id.</param>
/// <param name="ExperimentId">The experiment's id.</param>
/// <param name="RunId">The run's id.</param>
/// <param name="Status">The status word: grokked, censored, diverged, interrupted, failed, or "in progress".</param>
/// <param name="StatusClass">A CSS class for the status badge, e.g. <c>status-grokked</c>.</param>
/// <param name="StatusDetail">What diverged, or the error that ended the run; null otherwise.</param>
/// <param name="KeyNumbers">The key-numbers table, in display order.</param>
/// <param name="Source">The experiment's citation, if any.</param>
/// <param name="Configuration">The resolved configuration JSON, if it was found.</param>
/// <param name="Plugins">Plugin ids and versions, sorted by id.</param>
/// <param name="ReproduceCommand">The command that runs this configuration again.</param>
/// <param name="Notes">Problems the reader should know of (missing files, skipped lines), one sentence each.</param>
/// <param name="MainFigures">Accuracy and loss against step.</param>
/// <param name="MeasureFigures">One small figure per progress measure, sorted by measure key.</param>
/// <param name="StepAxisCaption">How steps are drawn on the log axis (what happens to step 0).</param>
/// <param name="PlotlyScript">The whole plotly.js, to be inlined once in a <c>&lt;script&gt;</c> element.</param>
/// <param name="PlotlyVersion">The plotly.js version.</param>
/// <param name="PlotlySource">Where the page loads plotly.js from, relative to it (<see cref="SharedPlotly"/>); null when <paramref name="PlotlyScript"/> is inlined.</param>
/// <param name="GeneratedAt">When the report was made, ISO 8601 in UTC, e.g. <c>2026-11-22T20:48:03Z</c>.</param>
/// <param name="GrokDslVersion">The GrokDsl version that made the report.</param>
/// <param name="Styles">The reports' shared style sheet, to be inlined in a <c>&lt;style&gt;</c> element.</param>
/// <param name="RefreshSeconds">For a run in progress, how often the page reloads itself (a <c>&lt;meta http-equiv="refresh"&gt;</c>); null once it has finished.</param>
/// <param name="PhaseFigure">The training phases as a strip on the log-step axis; null when the phases are not known.</param>
/// <param name="PhaseRows">The phases with their step ranges and how the progress series changed across each; empty when not known.</param>
/// <param name="PhaseCaption">How the phases were found and whether the run finished its cleanup; null when not known.</param>
/// <param name="SpectrumFigures">Fourier-spectrum heatmaps over training (modular tasks whose measures carry <c>fourier.spectrum.&lt;k&gt;</c> keys).</param>
/// <param name="SpectrumCaption">What the heatmaps show and the key frequencies; null without heatmaps.</param>
/// <param name="PageScript">The script every report page shares: draws the charts, adds the step-axis and smoothing controls.</param>
/// <param name="Environment">What the run ran on and from, as it recorded them (<c>environment.json</c>): versions of GrokDsl, TorchSharp, libtorch and .NET, OS, machine, device, command line, experiment origin and git commit; empty when not recorded.</param>
public sealed record ReportPage(
    string Title,
    string ExperimentId,
    string RunId,
    string Status,
    string StatusClass,
    string? StatusDetail,
    IReadOnlyList<KeyNumber> KeyNumbers,
    string? Source,
    string? Configuration,
    IReadOnlyList<PluginVersion> Plugins,
    string ReproduceCommand,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ReportFigure> MainFigures,
    IReadOnlyList<ReportFigure> MeasureFigures,
    string StepAxisCaption,
    RawHtml PlotlyScript,
    string PlotlyVersion,
    string GeneratedAt,
    string GrokDslVersion,
    RawHtml Styles,
    int? RefreshSeconds,
    ReportFigure? PhaseFigure,
    IReadOnlyList<PhaseRow> PhaseRows,
    string? PhaseCaption,
    IReadOnlyList<ReportFigure> SpectrumFigures,
    string? SpectrumCaption,
    IReadOnlyList<KeyNumber> Environment,
    RawHtml PageScript,
    string? PlotlySource = null);

/// <summary>One row of the key-numbers table, already formatted.</summary>
/// <param name="Label">What the number is, e.g. "Grokked at step".</param>
/// <param name="Value">The formatted value, e.g. "12,400"; a dash when unknown.</param>
public sealed record KeyNumber(string Label, string Value);

/// <summary>One training phase of a run, formatted.</summary>
/// <param name="Phase">"memorization", "circuit formation" or "cleanup".</param>
/// <param name="CssClass">A CSS class for the phase's colour, e.g. <c>phase-cleanup</c>.</param>
/// <param name="Steps">The step range, e.g. "1,000 – 4,200", or "empty".</param>
/// <param name="TestLossChange">How the test loss changed across the phase, signed; a dash when not measured.</param>
/// <param name="ExcludedLossChange">The same for the excluded loss (measure key <c>excluded-loss.loss</c>).</param>
/// <param name="RestrictedLossChange">The same for the restricted loss (<c>restricted-loss.loss</c>).</param>
/// <param name="WeightNormChange">The same for the weight norm (<c>weight-norm.total</c>).</param>
public sealed record PhaseRow(
    string Phase, string CssClass, string Steps, string TestLossChange, string ExcludedLossChange, string RestrictedLossChange, string WeightNormChange);

/// <summary>A plugin the run used.</summary>
/// <param name="Id">The plugin id, e.g. <c>grokdsl.mlp</c>.</param>
/// <param name="Version">Its version.</param>
public sealed record PluginVersion(string Id, string Version);

/// <summary>
/// One chart: a Plotly figure (<c>{ data, layout, config }</c>) as JSON, meant for a
/// <c>&lt;script type="application/json"&gt;</c> element that the page's script hands to <c>Plotly.newPlot</c>.
/// </summary>
/// <param name="ElementId">The id of the element to draw into; unique in the page, safe as an HTML id.</param>
/// <param name="Title">The chart's heading.</param>
/// <param name="Json">The figure JSON, with <c>&lt;/</c> escaped so no string in it can end the script element.</param>
public sealed record ReportFigure(string ElementId, string Title, RawHtml Json);
