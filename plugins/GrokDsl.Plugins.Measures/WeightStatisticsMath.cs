namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The statistics of Hu et al. 2023's metric set on plain arrays, so that they can be checked by hand. Conventions:
/// the trace of an m×n matrix is the sum of its main diagonal, Σ_{i &lt; min(m, n)} w_ii (what torch.trace computes; it
/// is defined for non-square matrices this way); the variance is the sample variance (divisor N − 1, torch.var's
/// default), NaN below two values; the median of an even count is the mean of the two middle values.
/// </summary>
public static class WeightStatisticsMath
{
    public static double L1(IEnumerable<double> values) => values.Sum(Math.Abs);

    public static double L2(IEnumerable<double> values) => Math.Sqrt(values.Sum(v => v * v));

    /// <summary>Σ_i w_ii over the main diagonal of a row-major <paramref name="rows"/> × <paramref name="columns"/> matrix.</summary>
    public static double Trace(IReadOnlyList<double> rowMajor, int rows, int columns)
    {
        var trace = 0.0;
        for (var i = 0; i < Math.Min(rows, columns); i++) trace += rowMajor[i * columns + i];
        return trace;
    }

    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    public static double Variance(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return double.NaN;
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>a / b, NaN when b is 0 (a zero matrix has no sparsity).</summary>
    public static double Ratio(double a, double b) => b == 0 ? double.NaN : a / b;
}
