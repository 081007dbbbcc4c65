namespace GrokDsl.Analysis.Prediction;

/// <summary>
/// The area under the ROC curve of a score that should be higher for positives: the probability that a random
/// positive outscores a random negative, ties counting one half (the Mann–Whitney U statistic over n₊·n₋).
/// </summary>
public static class RocAuc
{
    public static double Compute(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        if (positives.Count == 0 || negatives.Count == 0)
            throw new ArgumentException("An AUC needs at least one positive and one negative.");
        var wins = 0.0;
        foreach (var p in positives)
            foreach (var n in negatives)
                wins += p > n ? 1 : p == n ? 0.5 : 0;
        return wins / (positives.Count * (double)negatives.Count);
    }

    /// <summary>
    /// A stratified percentile bootstrap: positives and negatives are resampled separately, so every resample has
    /// both classes and an AUC (Efron and Tibshirani 1993; the usual interval for an AUC over few runs).
    /// </summary>
    public static ConfidenceInterval Interval(IReadOnlyList<double> positives, IReadOnlyList<double> negatives, double level = 0.95, int resamples = 2000, int seed = 0)
    {
        var estimate = Compute(positives, negatives);
        var random = new Random(seed);
        var values = new double[resamples];
        var p = new double[positives.Count];
        var n = new double[negatives.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < p.Length; i++) p[i] = positives[random.Next(p.Length)];
            for (var i = 0; i < n.Length; i++) n[i] = negatives[random.Next(n.Length)];
            values[r] = Compute(p, n);
        }
        Array.Sort(values);
        return new ConfidenceInterval(estimate, Bootstrap.Quantile(values, (1 - level) / 2), Bootstrap.Quantile(values, (1 + level) / 2), level, resamples, seed);
    }
}
