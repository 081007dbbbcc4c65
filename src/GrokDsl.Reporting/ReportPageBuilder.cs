using System.Globalization;
using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>Turns a <see cref="RunReport"/> into the values a template shows, formatted and ready to escape.</summary>
static class ReportPageBuilder
{
    const string InProgress = "in progress";

    public static ReportPage Build(RunReport report)
    {
        var figures = RunFigures.For(report);
        var spectra = figures.Spectra();
        var summary = report.Summary;
        var status = summary is null ? InProgress : summary.Status.ToString().ToLowerInvariant();
        return new ReportPage(
            Title: $"{report.ExperimentId} · {report.RunId}",
            ExperimentId: report.ExperimentId,
            RunId: report.RunId,
            Status: status,
            StatusClass: "status-" + status.Replace(' ', '-'),
            StatusDetail: summary?.Divergence ?? summary?.Error,
            KeyNumbers: summary is null ? KeyNumbersSoFar(report.Metrics) : KeyNumbersOf(summary),
            Source: report.Source,
            Configuration: report.Configuration?.TrimEnd(),
            Plugins: report.Plugins
                .OrderBy(plugin => plugin.Key, StringComparer.Ordinal)
                .Select(plugin => new PluginVersion(plugin.Key, plugin.Value))
                .ToList(),
            ReproduceCommand: report.ReproduceCommand,
            Notes: Notes(report),
            MainFigures: figures.Main(),
            MeasureFigures: figures.Measures(),
            StepAxisCaption: figures.StepAxisCaption,
            PlotlyScript: new RawHtml(PlotlyJavaScript.Source),
            PlotlyVersion: PlotlyJavaScript.Version,
            GeneratedAt: Formats.Timestamp(report.GeneratedAt),
            GrokDslVersion: report.GrokDslVersion,
            Styles: PageAssets.Styles,
            RefreshSeconds: summary is null ? LiveRefresh.Seconds : null,
            PhaseFigure: figures.Phases?.Timeline(),
            PhaseRows: figures.Phases?.Rows() ?? [],
            PhaseCaption: figures.Phases?.Caption,
            SpectrumFigures: spectra,
            SpectrumCaption: spectra.Count > 0 ? figures.SpectrumCaption : null,
            Environment: EnvironmentRows(report.Environment),
            PageScript: PageAssets.Script);
    }

    static IReadOnlyList<KeyNumber> KeyNumbersOf(RunSummary summary)
    {
        var memorized = summary.MemorizedAtStep;
        var grokked = summary.GrokkedAtStep;
        var grokkedText = grokked is { } step ? Formats.Steps(step)
            : summary.Status == RunStatus.Censored ? $"not reached (censored at {Formats.Steps(summary.FinalStep)})"
            : "not reached";
        return
        [
            new("Memorized at step", memorized is null ? "not reached" : Formats.Steps(memorized)),
            new("Grokked at step", grokkedText),
            new("Gap (t_grok − t_mem)", memorized is { } m && grokked is { } g ? Formats.Steps(g - m) + " steps" : Formats.Unknown),
            new("Ratio t_grok / t_mem", memorized is { } mem && mem > 0 && grokked is { } grok ? Formats.Ratio((double)grok / mem) : Formats.Unknown),
            new("Final step", Formats.Steps(summary.FinalStep)),
            new("Final train accuracy", Formats.Percent(summary.FinalTrainAccuracy)),
            new("Final test accuracy", Formats.Percent(summary.FinalTestAccuracy)),
            new("Steps per second", Formats.Rate(summary.StepsPerSecond)),
            new("Wall time", Formats.Duration(summary.WallSeconds)),
            new("Device", summary.Device),
        ];
    }

    // Without a summary the analysis (t_mem, t_grok) has not run; show only what the metrics say so far.
    static IReadOnlyList<KeyNumber> KeyNumbersSoFar(IReadOnlyList<MetricRecord> metrics)
    {
        var last = metrics.MaxBy(record => record.Step);
        var lastTest = metrics.Where(record => record.TestAccuracy is not null).MaxBy(record => record.Step);
        return
        [
            new("Memorized at step", "unknown (no summary)"),
            new("Grokked at step", "unknown (no summary)"),
            new("Last recorded step", last is null ? Formats.Unknown : Formats.Steps(last.Step)),
            new("Latest train accuracy", Formats.Percent(last?.TrainAccuracy)),
            new("Latest test accuracy", Formats.Percent(lastTest?.TestAccuracy)),
            new("Wall time so far", last is null ? Formats.Unknown : Formats.Duration(last.WallSeconds)),
        ];
    }

    static IReadOnlyList<KeyNumber> EnvironmentRows(RunEnvironment? environment)
    {
        if (environment is null) return [];
        var git = environment.GitCommit is { } commit ? commit + (environment.GitDirty == true ? " (uncommitted changes)" : "") : Formats.Unknown;
        return
        [
            new("GrokDsl", environment.GrokDslVersion),
            new("TorchSharp", environment.TorchSharpVersion),
            new("libtorch", environment.LibTorchVersion),
            new(".NET", environment.DotNetVersion),
            new("Operating system", environment.OperatingSystem),
            new("Machine", environment.Machine),
            new("Device", $"{environment.Device}, {environment.Threads.ToString(CultureInfo.InvariantCulture)} threads"),
            new("Started", Formats.Timestamp(environment.StartedAt)),
            new("Command line", ShellWords.Join(environment.CommandLine.Skip(1).Prepend("grokdsl"))),
            new("Experiment", environment.ExperimentOrigin),
            new("Git commit", git),
        ];
    }

    static IReadOnlyList<string> Notes(RunReport report)
    {
        var notes = new List<string>(report.LoadNotes);
        if (report.Summary is null)
            notes.Add("No summary: the run is still in progress, or it stopped before writing one. Status and key numbers are provisional.");
        if (report.SkippedMetricLines > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{report.SkippedMetricLines} metrics line{(report.SkippedMetricLines == 1 ? "" : "s")} could not be parsed (torn by a crash, or still being written) and {(report.SkippedMetricLines == 1 ? "was" : "were")} skipped."));
        if (report.Metrics.Count == 0)
            notes.Add("No metric records: the charts are empty.");
        return notes;
    }
}
