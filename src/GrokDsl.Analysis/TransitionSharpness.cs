using GrokDsl.Runs;

namespace GrokDsl.Analysis;

/// <summary>How abrupt a transition is: its 10 %→90 % width and a logistic fit on the log-step axis.</summary>
public static class TransitionSharpness
{
    /// <summary>
    /// The low→high width of a rising series, levels relative to its range: with m = min and M = max of the
    /// values, HighStep is the first step with value ≥ m + high·(M − m), and LowStep is the earliest step from
    /// which every value up to HighStep is ≥ m + low·(M − m) (so a dip before the ascent restarts the clock).
    /// Null when the series is flat or empty.
    /// </summary>
    public static TransitionWidth? Width(IReadOnlyList<SeriesPoint> series, double low = 0.1, double high = 0.9)
    {
        if (!(low >= 0 && low < high && high <= 1)) throw new ArgumentException("Levels need 0 ≤ low < high ≤ 1.");
        if (series.Count == 0) return null;
        var (min, max) = (series.Min(p => p.Value), series.Max(p => p.Value));
        if (!(max > min)) return null;
        var (lowLevel, highLevel) = (min + low * (max - min), min + high * (max - min));

        var highIndex = -1;
        for (var i = 0; i < series.Count; i++)
            if (series[i].Value >= highLevel) { highIndex = i; break; }
        var lowIndex = highIndex;
        while (lowIndex > 0 && series[lowIndex - 1].Value >= lowLevel) lowIndex--;
        return new TransitionWidth(series[lowIndex].Step, series[highIndex].Step, lowLevel, highLevel);
    }

    /// <summary>The 10 %→90 % width of the test-accuracy curve.</summary>
    public static TransitionWidth? TestAccuracyWidth(IReadOnlyList<MetricRecord> metrics, double low = 0.1, double high = 0.9) =>
        Width(MetricSeries.TestAccuracy(metrics), low, high);

    /// <summary>A logistic fitted to the test-accuracy curve against log10(step) (<see cref="LogisticFit.FitLogSteps"/>).</summary>
    public static SigmoidFit? TestAccuracySigmoid(IReadOnlyList<MetricRecord> metrics) =>
        LogisticFit.FitLogSteps(MetricSeries.TestAccuracy(metrics));
}
