using GrokDsl.Runs;

namespace GrokDsl.Analysis;

/// <summary>Memorization and grokking times of one run.</summary>
public static class GrokkingTimes
{
    /// <summary>First step at which train accuracy is at or above <paramref name="threshold"/>, or null.</summary>
    public static long? MemorizationStep(IReadOnlyList<MetricRecord> metrics, double threshold = 0.99) =>
        FirstAtOrAbove(MetricSeries.TrainAccuracy(metrics), threshold);

    /// <summary>The grokking step by <paramref name="criteria"/> (default <see cref="GrokkingCriteria"/>), or null.</summary>
    public static long? GrokkingStep(IReadOnlyList<MetricRecord> metrics, GrokkingCriteria? criteria = null)
    {
        criteria ??= new GrokkingCriteria();
        var test = MetricSeries.TestAccuracy(metrics);
        var threshold = criteria.GrokkingThreshold;
        var last = metrics.Count == 0 ? long.MinValue : MetricSeries.LastStep(metrics);
        for (var i = 0; i < test.Count; i++)
        {
            if (test[i].Value < threshold) continue;
            var start = test[i].Step;
            var end = criteria.StaysAboveUntilEnd ? long.MaxValue
                : criteria.StaysAboveForSteps is { } window ? start + window
                : start;
            if (criteria.StaysAboveForSteps is { } && !criteria.StaysAboveUntilEnd && last < end) return null;
            var holds = true;
            for (var j = i + 1; j < test.Count && test[j].Step <= end; j++)
                if (test[j].Value < threshold) { holds = false; break; }
            if (holds) return start;
        }
        return null;
    }

    /// <summary>Memorization and grokking steps, with the gap, ratio and censoring that follow from them.</summary>
    public static GrokkingTimeline Analyze(IReadOnlyList<MetricRecord> metrics, GrokkingCriteria? criteria = null)
    {
        criteria ??= new GrokkingCriteria();
        return new GrokkingTimeline(
            MemorizationStep(metrics, criteria.MemorizationThreshold),
            GrokkingStep(metrics, criteria),
            MetricSeries.LastStep(metrics));
    }

    static long? FirstAtOrAbove(IReadOnlyList<SeriesPoint> series, double threshold) =>
        series.Where(p => p.Value >= threshold).Select(p => (long?)p.Step).FirstOrDefault();
}
