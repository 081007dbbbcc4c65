namespace GrokDsl.Analysis.Dynamics;

/// <summary>
/// Log-space arithmetic for the HMM recursions: products of hundreds of emission densities underflow a double,
/// their logarithms do not.
/// </summary>
static class LogSpace
{
    /// <summary>log(Σ exp(values)), exact for −∞ entries and stable for large ones.</summary>
    public static double SumExp(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values) if (v > max) max = v;
        if (double.IsNegativeInfinity(max)) return double.NegativeInfinity;
        var sum = 0.0;
        foreach (var v in values) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }

    /// <summary>log(p) with log(0) = −∞ (an impossible transition stays impossible).</summary>
    public static double Log(double probability) => probability > 0 ? Math.Log(probability) : double.NegativeInfinity;
}
