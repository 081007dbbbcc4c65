using GrokDsl.Runs;

namespace GrokDsl.Analysis;

/// <summary>
/// One metric of a run as (step, value) points in step order. Test metrics and measures exist only on the
/// steps where they were evaluated; missing and non-finite values are left out.
/// </summary>
public static class MetricSeries
{
    public static IReadOnlyList<SeriesPoint> TrainAccuracy(IReadOnlyList<MetricRecord> metrics) => Select(metrics, r => r.TrainAccuracy);

    public static IReadOnlyList<SeriesPoint> TrainLoss(IReadOnlyList<MetricRecord> metrics) => Select(metrics, r => r.TrainLoss);

    public static IReadOnlyList<SeriesPoint> TestAccuracy(IReadOnlyList<MetricRecord> metrics) => Select(metrics, r => r.TestAccuracy);

    public static IReadOnlyList<SeriesPoint> TestLoss(IReadOnlyList<MetricRecord> metrics) => Select(metrics, r => r.TestLoss);

    /// <summary>A progress measure by its key, "&lt;measure-id&gt;.&lt;name&gt;" (e.g. "weight-norm.total").</summary>
    public static IReadOnlyList<SeriesPoint> Measure(IReadOnlyList<MetricRecord> metrics, string key) =>
        Select(metrics, r => r.Measures is { } m && m.TryGetValue(key, out var v) ? v : null);

    /// <summary>A named evaluation split's accuracy (or its loss, <paramref name="loss"/>), e.g. "in-distribution".</summary>
    public static IReadOnlyList<SeriesPoint> Split(IReadOnlyList<MetricRecord> metrics, string split, bool loss = false) =>
        Select(metrics, r => r.Splits is { } s && s.TryGetValue(split, out var m) ? (loss ? m.Loss : m.Accuracy) : null);

    /// <summary>The run's last step: where a run that never grokked is censored.</summary>
    public static long LastStep(IReadOnlyList<MetricRecord> metrics) =>
        metrics.Count == 0 ? throw new ArgumentException("A run with no metrics has no last step.", nameof(metrics)) : metrics.Max(r => r.Step);

    static IReadOnlyList<SeriesPoint> Select(IReadOnlyList<MetricRecord> metrics, Func<MetricRecord, double?> value) =>
    [
        .. metrics
            .Select(r => (r.Step, Value: value(r)))
            .Where(p => p.Value is { } v && double.IsFinite(v))
            .OrderBy(p => p.Step)
            .Select(p => new SeriesPoint(p.Step, p.Value!.Value)),
    ];
}
