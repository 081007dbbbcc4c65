using System.Globalization;
using GrokDsl.Analysis.Dynamics;
using GrokDsl.Analysis.Prediction;

namespace GrokDsl.Reporting;

/// <summary>
/// The sweep report's "Training dynamics" section, shown when the sweep directory holds dynamics.json
/// (<c>grokdsl dynamics</c>) and/or prediction.json (<c>grokdsl predict</c>).
/// </summary>
/// <param name="KeyNumbers">The chosen model and the prediction's AUC.</param>
/// <param name="Figures">Model selection, training map, timelines, accuracy by state.</param>
/// <param name="Detours">One row per state: runs visiting, whether it is a detour, its effect on convergence.</param>
/// <param name="Predictions">One row per run: its early-loss feature and outcome; null without prediction.json.</param>
/// <param name="Caption">How to read the section.</param>
public sealed record DynamicsSection(
    IReadOnlyList<KeyNumber> KeyNumbers,
    IReadOnlyList<ReportFigure> Figures,
    DataTable? Detours,
    DataTable? Predictions,
    string Caption)
{
    public static DynamicsSection? Of(DynamicsResult? dynamics, PredictionResult? prediction, IReadOnlyList<LoadedRun> runs)
    {
        if (dynamics is null && prediction is null) return null;
        var numbers = new List<KeyNumber>();
        var figures = new List<ReportFigure>();
        if (dynamics is not null)
        {
            numbers.Add(new("States (lowest held-out BIC)", dynamics.ChosenStates.ToString(CultureInfo.InvariantCulture)));
            numbers.Add(new("Runs fitted / held out", $"{dynamics.Runs.Count} / {dynamics.Runs.Count(r => r.HeldOut)}"));
            numbers.Add(new("Detour states", dynamics.Detours.Count().ToString(CultureInfo.InvariantCulture)));
            numbers.Add(new("Metrics", string.Join(", ", dynamics.Metrics.Select(Leaf))));
            var byId = runs.GroupBy(r => r.RunId).ToDictionary(g => g.Key, g => g.First());
            figures.AddRange([DynamicsFigures.ModelSelection(dynamics), DynamicsFigures.Map(dynamics), DynamicsFigures.Timelines(dynamics), DynamicsFigures.AccuracyByState(dynamics, byId)]);
        }
        if (prediction is not null)
            numbers.Add(new($"Early-loss AUC (first {Formats.Steps(prediction.FirstSteps)} steps)",
                prediction.Auc is { Estimate: { } auc } interval
                    ? FormattableString.Invariant($"{auc:0.00} (95 % {interval.Lower:0.00}–{interval.Upper:0.00})")
                    : prediction.Note ?? Formats.Unknown));
        return new DynamicsSection(
            numbers, figures,
            dynamics is null ? null : DetourTable(dynamics),
            prediction is null ? null : PredictionTable(prediction),
            "A Gaussian HMM with diagonal covariance over the z-scored weight metrics (Hu et al. 2023), states numbered in the " +
            "order training reaches them. A detour is a state only some runs visit; its coefficient is the mean convergence step " +
            "of the runs that visit it minus that of the runs that do not (censored runs count at their last step), with a " +
            "two-sided t-test. The early-loss feature is the low-frequency spectral energy of the detrended log train loss " +
            "(Notsawo et al. 2023); its AUC says how well it tells runs that grokked from runs that did not.");
    }

    static string Leaf(string key) => key.StartsWith("weight-statistics.all.", StringComparison.Ordinal) ? key["weight-statistics.all.".Length..] : key;

    static DataTable DetourTable(DynamicsResult result)
    {
        TableColumn[] columns =
        [
            new("State", true), new("Detour", false), new("Runs visiting", true), new("Occupancy", true),
            new("Convergence effect (steps)", true, "Mean convergence step of visiting runs minus that of the others"), new("t", true), new("p", true),
        ];
        var rows = result.StateEffects.Select(effect =>
        {
            var state = result.Map.States[effect.State];
            return new TableRow(
            [
                TableCell.Number(effect.State, effect.State.ToString(CultureInfo.InvariantCulture)),
                TableCell.Of(state.Detour ? "yes" : "no"),
                TableCell.Number(effect.RunsVisiting, $"{effect.RunsVisiting} of {effect.Runs}"),
                TableCell.Percent(state.Occupancy),
                TableCell.Number(effect.Coefficient, effect.Coefficient is { } c ? FormattableString.Invariant($"{c:+#,0;-#,0;0}") : Formats.Unknown),
                TableCell.Number(effect.T, effect.T is { } t ? FormattableString.Invariant($"{t:0.00}") : Formats.Unknown),
                TableCell.Number(effect.P, effect.P is { } p ? FormattableString.Invariant($"{p:0.0000}") : Formats.Unknown),
            ], state.Detour ? "detour" : "");
        });
        return new DataTable(columns, [.. rows]);
    }

    static DataTable PredictionTable(PredictionResult result)
    {
        TableColumn[] columns = [new("Run", false), new("Early-loss feature", true), new("Grokked", false), new("Grokking step", true)];
        var rows = result.Runs.OrderByDescending(r => r.Feature ?? double.NegativeInfinity).Select(run => new TableRow(
        [
            TableCell.Of(run.RunId),
            TableCell.Number(run.Feature, run.Feature is { } f ? FormattableString.Invariant($"{f:0.0000}") : Formats.Unknown),
            TableCell.Of(run.Grokked ? "yes" : "no"),
            TableCell.Steps(run.GrokkedAtStep),
        ]));
        return new DataTable(columns, [.. rows]);
    }
}
