namespace GrokDsl.Analysis;

/// <summary>
/// Seeded percentile bootstrap (Efron and Tibshirani 1993, ch. 13): resample the runs with replacement,
/// recompute the statistic, and take the (1 − level)/2 and (1 + level)/2 quantiles of the resampled values
/// (linear interpolation between order statistics, R's type 7). The same seed gives the same interval.
/// </summary>
public static class Bootstrap
{
    /// <summary>The sample median (the mean of the two middle values for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>A percentile interval for the median of uncensored values (e.g. grokking steps when every seed grokked).</summary>
    public static ConfidenceInterval MedianInterval(IReadOnlyList<double> values, double level = 0.95, int resamples = 2000, int seed = 0) =>
        Interval(values, Median, level, resamples, seed);

    /// <summary>
    /// A percentile interval for the Kaplan–Meier median of censored outcomes. A resample whose curve never
    /// reaches 0.5 has an unknown median, counted as +∞, so it can make the upper bound (or both) null.
    /// </summary>
    public static ConfidenceInterval KaplanMeierMedianInterval(IReadOnlyList<GrokkingTime> outcomes, double level = 0.95, int resamples = 2000, int seed = 0) =>
        Interval(outcomes, sample => KaplanMeier.Estimate(sample).Median ?? double.PositiveInfinity, level, resamples, seed);

    /// <summary>A percentile interval for any statistic; +∞ values make the bounds they reach null.</summary>
    public static ConfidenceInterval Interval<T>(IReadOnlyList<T> sample, Func<IReadOnlyList<T>, double> statistic, double level, int resamples, int seed)
    {
        if (sample.Count == 0) throw new ArgumentException("Cannot bootstrap an empty sample.", nameof(sample));
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "The level lies in (0, 1).");
        if (resamples < 1) throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "At least one resample.");

        var random = new Random(seed);
        var values = new double[resamples];
        var resample = new T[sample.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < resample.Length; i++) resample[i] = sample[random.Next(sample.Count)];
            values[r] = statistic(resample);
        }
        Array.Sort(values);
        return new ConfidenceInterval(
            Finite(statistic(sample)), Finite(Quantile(values, (1 - level) / 2)), Finite(Quantile(values, (1 + level) / 2)),
            level, resamples, seed);
    }

    /// <summary>Type-7 quantile of sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        if (double.IsPositiveInfinity(sorted[hi]) || double.IsPositiveInfinity(sorted[lo]))
            return h == lo ? sorted[lo] : double.PositiveInfinity;
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
