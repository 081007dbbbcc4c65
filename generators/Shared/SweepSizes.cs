using System;
using System.Collections.Generic;
using System.Globalization;

namespace GrokDsl.Shared;

/// <summary>
/// The number of runs a sweep expands to, computed from its axes' value counts without expanding it. Compiled
/// into the analyzers (GROK0015), the generator and GrokDsl (the command line's limit), so all three count alike.
/// </summary>
/// <remarks>
/// The count is the grid's: exclusions and runs that overrides make identical can only make the sweep smaller.
/// It saturates at <see cref="long.MaxValue"/> instead of overflowing, so a limit check can never wrap around.
/// </remarks>
internal static class SweepSizes
{
    /// <summary>The most runs a sweep may have unless the limit is raised (--max-runs, &lt;GrokDslMaxRuns&gt;).</summary>
    public const long DefaultLimit = 10_000;

    /// <summary>
    /// The Cartesian product over the axes, where zipped axes (same non-null zip group) count once, as their
    /// group's largest count. No axes: one run, the experiment itself.
    /// </summary>
    public static long Runs(IEnumerable<KeyValuePair<long, string?>> axes)
    {
        var groups = new Dictionary<string, long>(StringComparer.Ordinal);
        long runs = 1;
        foreach (var axis in axes)
        {
            var values = Math.Max(0, axis.Key);
            if (axis.Value is { } zip)
            {
                groups[zip] = groups.TryGetValue(zip, out var seen) ? Math.Max(seen, values) : values;
                continue;
            }
            runs = Multiply(runs, values);
        }
        foreach (var group in groups.Values) runs = Multiply(runs, group);
        return runs;
    }

    /// <summary>a × b, or <see cref="long.MaxValue"/> when that does not fit (both non-negative).</summary>
    public static long Multiply(long a, long b) =>
        a == 0 || b == 0 ? 0 : a > long.MaxValue / b ? long.MaxValue : a * b;

    /// <summary>A value count as a long, saturating (a [SweepRange] count is a double).</summary>
    public static long Saturate(double count) => count >= long.MaxValue ? long.MaxValue : count <= 0 ? 0 : (long)count;

    /// <summary>"1,000,000,000", or "more than 9,223,372,036,854,775,806" when the count saturated.</summary>
    public static string Describe(long runs) =>
        runs == long.MaxValue ? "more than " + (long.MaxValue - 1).ToString("N0", CultureInfo.InvariantCulture) : runs.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The limit a build property or option text gives, else <see cref="DefaultLimit"/>; null when the text is not a positive whole number.</summary>
    public static long? ParseLimit(string? text)
    {
        if (text is null || text.Trim().Length == 0) return DefaultLimit;
        return long.TryParse(text.Trim().Replace("_", "").Replace(",", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit : null;
    }
}
