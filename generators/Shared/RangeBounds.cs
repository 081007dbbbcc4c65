using System.Globalization;

namespace GrokDsl.Shared;

/// <summary>
/// What a <c>[Range]</c> admits and how messages word it. Compiled into GrokDsl (run-time checks of overridden and
/// computed values) and the analyzers (compile-time checks of constants), so both say the same thing.
/// </summary>
internal static class RangeBounds
{
    /// <summary>Whether <paramref name="value"/> is inside; written so that NaN never is.</summary>
    public static bool Contains(double value, double min, double max, bool minExclusive, bool maxExclusive) =>
        (minExclusive ? value > min : value >= min) && (maxExclusive ? value < max : value <= max);

    /// <summary>The range as it completes "must be …": "in (0, 1)", "> 0", ">= 2".</summary>
    public static string Describe(double min, double max, bool minExclusive, bool maxExclusive)
    {
        var hasMin = !double.IsNegativeInfinity(min);
        var hasMax = !double.IsPositiveInfinity(max);
        if (hasMin && hasMax) return $"in {(minExclusive ? "(" : "[")}{Format(min)}, {Format(max)}{(maxExclusive ? ")" : "]")}";
        if (hasMin) return $"{(minExclusive ? ">" : ">=")} {Format(min)}";
        return $"{(maxExclusive ? "<" : "<=")} {Format(max)}";
    }

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
