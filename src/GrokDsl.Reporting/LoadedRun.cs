using System.Text.Json;
using GrokDsl.Analysis;
using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// One run as a sweep report or a comparison sees it: its flattened configuration, summary and metrics, and when
/// it memorized and grokked. A run without a summary (in progress, or stopped without one) is analysed from its
/// metrics with the thresholds of its configuration; damaged files become notes, never errors.
/// </summary>
public sealed record LoadedRun
{
    /// <summary>The run's directory.</summary>
    public required RunDirectory Directory { get; init; }

    /// <summary>The experiment's id (from the summary, else the parent folder's name).</summary>
    public required string ExperimentId { get; init; }

    /// <summary>The run's id (from the summary, else the folder's name).</summary>
    public required string RunId { get; init; }

    /// <summary>The resolved configuration as dotted keys (<see cref="ConfigurationKeys"/>), in file order; empty when unreadable.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Configuration { get; init; }

    /// <summary>How the run ended; null while it runs or when it stopped without writing a summary.</summary>
    public RunSummary? Summary { get; init; }

    /// <summary>The metric records, one per step (the last written wins, as on resume), in step order.</summary>
    public required IReadOnlyList<MetricRecord> Metrics { get; init; }

    /// <summary>First step with train accuracy at the memorization threshold, or null.</summary>
    public long? MemorizedAtStep { get; init; }

    /// <summary>The grokking step, or null when the run has not grokked.</summary>
    public long? GrokkedAtStep { get; init; }

    /// <summary>Problems met while reading the run, one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True once the run has ended (written its summary), finished or not; false while it trains.</summary>
    public bool HasEnded => Summary is not null;

    /// <summary>The status word: grokked, censored, diverged, interrupted, failed, or "in progress".</summary>
    public string Status => Summary?.Status.ToString().ToLowerInvariant() ?? "in progress";

    /// <summary>The last step the run reached: the summary's final step, else the last metric record's; null with neither.</summary>
    public long? LastStep => Summary?.FinalStep ?? (Metrics.Count > 0 ? Metrics[^1].Step : null);

    /// <summary>The final (or latest) test accuracy, when known and finite.</summary>
    public double? FinalTestAccuracy =>
        Finite(Summary?.FinalTestAccuracy) ?? Finite(Metrics.LastOrDefault(record => record.TestAccuracy is { } a && double.IsFinite(a))?.TestAccuracy);

    /// <summary>The final (or latest) train accuracy, when known and finite.</summary>
    public double? FinalTrainAccuracy => Finite(Summary?.FinalTrainAccuracy) ?? Finite(Metrics.LastOrDefault()?.TrainAccuracy);

    /// <summary>Wall-clock seconds: the summary's, else the latest metric record's.</summary>
    public double? WallSeconds => Summary?.WallSeconds ?? Metrics.LastOrDefault()?.WallSeconds;

    /// <summary>The value of a configuration key, or null when the run's configuration lacks it.</summary>
    public string? Setting(string key) => Configuration.FirstOrDefault(pair => pair.Key == key).Value;

    /// <summary>Reads a run directory; never throws for missing or damaged files.</summary>
    public static LoadedRun Load(RunDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var notes = new List<string>();
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory.Path));
        var configurationText = directory.ReadConfiguration();
        var configuration = ConfigurationKeys.Flatten(configurationText);
        if (configurationText is null)
            notes.Add($"{name}: {RunDirectory.ConfigurationFile} is missing; its settings are unknown.");
        else if (configuration.Count == 0)
            notes.Add($"{name}: {RunDirectory.ConfigurationFile} could not be read; its settings are unknown.");

        RunSummary? summary = null;
        try
        {
            summary = directory.ReadSummary();
        }
        catch (DamagedRunFileException)
        {
            notes.Add($"{name}: {RunDirectory.SummaryFile} could not be read; the run is counted as unfinished.");
        }

        var metrics = directory.ReadMetrics(out var skipped)
            .GroupBy(record => record.Step)
            .Select(group => group.Last())
            .OrderBy(record => record.Step)
            .ToList();
        if (skipped > 0)
            notes.Add($"{name}: {skipped} metrics line{(skipped == 1 ? "" : "s")} could not be parsed and {(skipped == 1 ? "was" : "were")} skipped.");

        // The summary holds the times the run itself decided on; without one, the metrics say what happened so far.
        var timeline = summary is null && metrics.Count > 0 ? GrokkingTimes.Analyze(metrics, CriteriaOf(configuration)) : null;
        return new LoadedRun
        {
            Directory = directory,
            ExperimentId = summary?.ExperimentId ?? Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(directory.Path)) ?? ""),
            RunId = summary?.RunId ?? name,
            Configuration = configuration,
            Summary = summary,
            Metrics = metrics,
            MemorizedAtStep = summary is null ? timeline?.MemorizationStep : summary.MemorizedAtStep,
            GrokkedAtStep = summary is null ? timeline?.GrokkingStep : summary.GrokkedAtStep,
            Notes = notes,
        };
    }

    static GrokkingCriteria CriteriaOf(IReadOnlyList<KeyValuePair<string, string>> configuration)
    {
        var defaults = new GrokkingCriteria();
        return defaults with
        {
            MemorizationThreshold = ConfigurationKeys.Number(configuration, "Training.MemorizationThreshold") ?? defaults.MemorizationThreshold,
            GrokkingThreshold = ConfigurationKeys.Number(configuration, "Training.GrokkingThreshold") ?? defaults.GrokkingThreshold,
        };
    }

    static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
