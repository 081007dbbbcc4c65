using System.Globalization;

namespace GrokDsl.Reporting;

/// <summary>Turns a <see cref="SweepReport"/> into the values the sweep template shows.</summary>
static class SweepPageBuilder
{
    public static SweepPage Build(SweepReport report)
    {
        var status = report.InProgress ? "in progress" : "finished";
        var settingAxes = report.Axes.Where(axis => !axis.IsReplicate).ToList();
        var counted = report.Settings.Where(setting => setting.Statistics is not null).ToList();
        return new SweepPage(
            Title: $"{report.ExperimentId} · sweep",
            ExperimentId: report.ExperimentId,
            Status: status,
            StatusClass: "status-" + status.Replace(' ', '-'),
            RefreshSeconds: report.InProgress ? LiveRefresh.Seconds : null,
            Counts: RunTable.Counts(report.Runs),
            Source: report.Source,
            ReproduceCommand: report.ReproduceCommand,
            Notes: report.LoadNotes,
            KeyNumbers: KeyNumbers(report),
            Axes: [.. report.Axes.Select(axis => new KeyNumber(
                axis.IsReplicate ? axis.Key + " (replicate)" : axis.Key,
                string.Join(", ", axis.Values)))],
            Settings: SettingsTable(report.Settings, settingAxes),
            Runs: RunTable.Of(report.Runs, report.Axes, report.Path),
            PhaseDiagramData: settingAxes.Count == 0 ? null : PhaseDiagram.Json(report.Axes, report.Settings),
            Figures: counted.Count == 0 ? [] : [SweepFigures.FractionGrokked(counted), SweepFigures.TestAccuracy(counted)],
            StepAxisCaption:
                "Steps are on a log axis (the controls above switch it to linear and smooth the curves). Fraction grokked is one minus the Kaplan–Meier survival curve: runs that have not " +
                "grokked count as censored at their last step, diverged runs as never grokking, failed runs not at all. " +
                "Test accuracy: each run keeps its last value after it stops (e.g. once it grokked); the buttons switch " +
                "between median with interquartile band and mean ± one standard deviation.",
            Dynamics: report.Dynamics,
            Styles: PageAssets.Styles,
            PageScript: PageAssets.Script,
            PlotlyScript: new RawHtml(PlotlyJavaScript.Source),
            PlotlyVersion: PlotlyJavaScript.Version,
            GeneratedAt: Formats.Timestamp(report.GeneratedAt),
            GrokDslVersion: report.GrokDslVersion);
    }

    static IReadOnlyList<KeyNumber> KeyNumbers(SweepReport report)
    {
        var seeds = report.Settings.Select(setting => setting.Runs.Count).DefaultIfEmpty(0);
        var (fewest, most) = (seeds.Min(), seeds.Max());
        var grokked = report.Runs.Count(run => run.GrokkedAtStep is not null);
        return
        [
            new("Runs", report.Runs.Count.ToString(CultureInfo.InvariantCulture)),
            new("Settings", report.Settings.Count.ToString(CultureInfo.InvariantCulture)),
            new("Runs per setting", fewest == most ? fewest.ToString(CultureInfo.InvariantCulture) : $"{fewest}–{most}"),
            new("Grokked", report.Runs.Count == 0 ? Formats.Unknown : $"{grokked} of {report.Runs.Count}"),
            new("Longest run", Formats.Steps(report.Runs.Select(run => run.LastStep).Max()) + " steps"),
            new("Wall time, all runs", Formats.Duration(report.Runs.Sum(run => run.WallSeconds ?? 0))),
        ];
    }

    static DataTable SettingsTable(IReadOnlyList<SweepSetting> settings, IReadOnlyList<SweepAxis> axes)
    {
        var columns = new List<TableColumn>();
        columns.AddRange(TableColumn.ForAxes(axes));
        if (axes.Count == 0) columns.Add(new("Setting", false));
        columns.AddRange(
        [
            new("Runs", true), new("Grokked", true), new("Median grokking step", true), new("95 % interval", false),
            new("Final test (median)", true),
        ]);
        var rows = settings.Select(setting =>
        {
            var cells = new List<TableCell>();
            cells.AddRange(axes.Select((axis, i) => TableCell.Setting(setting.Values[i], axis.IsNumeric)));
            if (axes.Count == 0) cells.Add(TableCell.Of(setting.Label));
            var statistics = setting.Statistics;
            var interval = statistics?.MedianGrokkingStep;
            cells.AddRange(
            [
                TableCell.Number(setting.Runs.Count, setting.Runs.Count.ToString(CultureInfo.InvariantCulture)
                    + (setting.Excluded > 0 ? $" ({setting.Excluded} left out)" : "")),
                TableCell.Number(statistics?.FractionGrokked, statistics is null ? Formats.Unknown : $"{statistics.Grokked}/{statistics.Runs}"),
                setting.MedianCensored
                    // Unknown but larger than every censoring step: sorts after every known median.
                    ? new TableCell($"censored (> {Formats.Steps(ToSteps(setting.CensoredAtStep))})", "1e300")
                    : TableCell.Steps(ToSteps(setting.MedianGrokkingStep)),
                TableCell.Of(interval is null || setting.MedianCensored ? Formats.Unknown
                    : $"{Formats.Steps(ToSteps(interval.Lower))} – {(interval.Upper is { } upper ? Formats.Steps(ToSteps(upper)) : "unknown")}"),
                TableCell.Percent(setting.MedianFinalTestAccuracy),
            ]);
            return new TableRow(cells, setting.MedianCensored ? "censored" : "");
        });
        return new DataTable(columns, [.. rows]);
    }

    static long? ToSteps(double? step) => step is { } value && double.IsFinite(value) ? (long)Math.Round(value) : null;
}
