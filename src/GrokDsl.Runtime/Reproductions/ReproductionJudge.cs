using GrokDsl.Analysis;
using GrokDsl.Runs;

namespace GrokDsl.Runtime.Reproductions;

/// <summary>A target's verdict: PASS (inside the band), MISS (outside), or UNKNOWN with the reason (runs missing, no value).</summary>
public sealed record TargetVerdict(ReproductionTarget Target, double? Measured, int Runs, string Verdict, string? Why)
{
    public const string Pass = "PASS";
    public const string Miss = "MISS";
    public const string Unknown = "UNKNOWN";
}

/// <summary>Computes each target of a reproduction from the variant's stored runs and judges it against the band.</summary>
public static class ReproductionJudge
{
    public static IReadOnlyList<TargetVerdict> Judge(IReadOnlyList<ReproductionTarget> targets, IReadOnlyList<ReproducedRun> runs) =>
        [.. targets.Select(target => Judge(target, runs))];

    static TargetVerdict Judge(ReproductionTarget target, IReadOnlyList<ReproducedRun> runs)
    {
        var selected = runs.Where(r => target.Measure.Runs.Matches(r.Experiment)).ToList();
        if (selected.Count == 0) return new(target, null, 0, TargetVerdict.Unknown, $"no run matches {target.Measure.Runs.Description}");
        var unfinished = selected.Count(r => !r.HasOutcome);
        if (unfinished > 0)
            return new(target, null, selected.Count, TargetVerdict.Unknown, $"{unfinished} of {selected.Count} runs not finished (or failed)");

        var (value, why) = Measure(target.Measure, selected, runs);
        if (value is not { } measured || !double.IsFinite(measured))
            return new(target, null, selected.Count, TargetVerdict.Unknown, why ?? "no value");
        return new(target, measured, selected.Count, target.Accepts(measured) ? TargetVerdict.Pass : TargetVerdict.Miss, why);
    }

    static (double? Value, string? Why) Measure(TargetQuantity quantity, IReadOnlyList<ReproducedRun> selected, IReadOnlyList<ReproducedRun> all) => quantity switch
    {
        GrokkingStep => MedianGrokkingStep(selected),
        FractionGrokked => (selected.Count(Grokked) / (double)selected.Count, null),
        GrokkingSpeedup speedup => Speedup(all.Where(r => speedup.Baseline.Matches(r.Experiment)).ToList(), selected, speedup.Baseline.Description),
        FirstStepBelow below => Median(selected.Select(r => FirstStep(r, below.Metric, v => v < below.Threshold)).ToList(), $"{below.Metric} < {below.Threshold}"),
        GrokkingDelay delay => Delay(selected, delay),
        FinalValue final => FinalMedian(selected, final.Metric),
        _ => throw new NotSupportedException($"No judge for {quantity.GetType().Name}."),
    };

    static bool Grokked(ReproducedRun run) => run.Summary is { Status: RunStatus.Grokked, GrokkedAtStep: not null };

    static (double?, string?) MedianGrokkingStep(IReadOnlyList<ReproducedRun> runs) =>
        Median([.. runs.Select(r => Grokked(r) ? new GrokkingTime(r.Summary!.GrokkedAtStep!.Value, true) : new GrokkingTime(r.Summary!.FinalStep, false))], "grokking");

    static (double?, string?) Speedup(IReadOnlyList<ReproducedRun> baseline, IReadOnlyList<ReproducedRun> treatment, string baselineName)
    {
        if (baseline.Count == 0 || baseline.Any(r => !r.HasOutcome)) return (null, $"the baseline ({baselineName}) has not finished");
        var (slow, whySlow) = MedianGrokkingStep(baseline);
        var (fast, whyFast) = MedianGrokkingStep(treatment);
        if (slow is null) return (null, $"baseline: {whySlow}");
        if (fast is null) return (null, whyFast);
        return (slow / fast, $"{slow:N0} / {fast:N0} steps");
    }

    static (double?, string?) Delay(IReadOnlyList<ReproducedRun> runs, GrokkingDelay delay)
    {
        var (saturated, whySaturated) = Median([.. runs.Select(r => FirstStep(r, delay.Metric, v => v >= delay.Threshold))], $"{delay.Metric} ≥ {delay.Threshold}");
        var (grokked, whyGrokked) = MedianGrokkingStep(runs);
        if (saturated is null) return (null, whySaturated);
        if (grokked is null) return (null, whyGrokked);
        return (grokked / Math.Max(saturated.Value, 1), $"{grokked:N0} / {saturated:N0} steps");
    }

    static GrokkingTime FirstStep(ReproducedRun run, string metric, Func<double, bool> reached)
    {
        foreach (var point in Series(run.Metrics, metric))
            if (reached(point.Value)) return new GrokkingTime(point.Step, true);
        return new GrokkingTime(run.Summary!.FinalStep, false);
    }

    // Kaplan–Meier median: runs that never reach the event are censored at their last step, not dropped.
    static (double?, string?) Median(IReadOnlyList<GrokkingTime> outcomes, string eventName)
    {
        var median = KaplanMeier.Estimate(outcomes).Median;
        var reached = outcomes.Count(o => o.Grokked);
        return median is null
            ? (null, $"{reached} of {outcomes.Count} runs reached {eventName}: the median is beyond the budget")
            : (median, reached < outcomes.Count ? $"{outcomes.Count - reached} of {outcomes.Count} runs censored" : null);
    }

    static (double?, string?) FinalMedian(IReadOnlyList<ReproducedRun> runs, string metric)
    {
        var finals = runs.Select(r => Series(r.Metrics, metric)).Where(s => s.Count > 0).Select(s => s[^1].Value).ToList();
        return finals.Count == 0 ? (null, $"no run recorded {metric}") : (Bootstrap.Median(finals), null);
    }

    static IReadOnlyList<SeriesPoint> Series(IReadOnlyList<MetricRecord> metrics, string metric) => metric switch
    {
        "testLoss" => MetricSeries.TestLoss(metrics),
        "trainLoss" => MetricSeries.TrainLoss(metrics),
        "testAccuracy" => MetricSeries.TestAccuracy(metrics),
        "trainAccuracy" => MetricSeries.TrainAccuracy(metrics),
        _ when metric.StartsWith(SplitPrefix, StringComparison.Ordinal) => SplitSeries(metrics, metric),
        _ => MetricSeries.Measure(metrics, metric),
    };

    const string SplitPrefix = "splits.";

    // "splits.<name>.accuracy" or "splits.<name>.loss": a named evaluation split's metric.
    static IReadOnlyList<SeriesPoint> SplitSeries(IReadOnlyList<MetricRecord> metrics, string metric)
    {
        var rest = metric[SplitPrefix.Length..];
        if (rest.EndsWith(".accuracy", StringComparison.Ordinal)) return MetricSeries.Split(metrics, rest[..^".accuracy".Length]);
        if (rest.EndsWith(".loss", StringComparison.Ordinal)) return MetricSeries.Split(metrics, rest[..^".loss".Length], loss: true);
        throw new ArgumentException($"'{metric}' names no split metric; write splits.<name>.accuracy or splits.<name>.loss.");
    }
}
