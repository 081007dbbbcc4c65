using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace GrokDsl.Shared;

/// <summary>
/// The values of <c>[SweepRange]</c> and <c>[SweepLogRange]</c>. Compiled into both the generator (which
/// writes them out) and the analyzers (which report a range without values), so the two always agree.
/// </summary>
internal static class SweepRanges
{
    /// <summary>More values than this on one axis is a typo, not a sweep (GROK0015, and --sweep refuses it).</summary>
    public const int MaxValues = 10_000;

    /// <summary>from, from + step, ... up to to; a small tolerance keeps 0.1 + 4 × 0.1 from missing 0.5. Empty when invalid.</summary>
    public static IReadOnlyList<double> Steps(double from, double to, double step)
    {
        var count = StepCount(from, to, step);
        if (count == 0 || count > MaxValues) return [];
        return Enumerable.Range(0, (int)count).Select(i => Rounded(from + i * step)).ToList();
    }

    /// <summary>How many values <see cref="Steps"/> has, counted without listing them (so 1e9 costs nothing); 0 when invalid.</summary>
    public static double StepCount(double from, double to, double step)
    {
        if (step == 0 || double.IsNaN(step) || double.IsNaN(from) || double.IsNaN(to) || Math.Sign(to - from) * Math.Sign(step) < 0) return 0;
        var count = Math.Floor((to - from) / step + 1e-9) + 1;
        return double.IsNaN(count) ? 0 : count;
    }

    /// <summary>How many values <see cref="LogSteps"/> has, without the <see cref="MaxValues"/> cap; 0 when invalid.</summary>
    public static int LogStepCount(double from, double to, int count) =>
        !(from > 0) || !(to > 0) || double.IsInfinity(from) || double.IsInfinity(to) || count < 1 || (count == 1 && from != to) ? 0 : count;

    /// <summary>count values from from to to, equally spaced in log(value), both ends included. Empty when invalid.</summary>
    public static IReadOnlyList<double> LogSteps(double from, double to, int count)
    {
        if (LogStepCount(from, to, count) == 0 || count > MaxValues) return [];
        if (count == 1) return [from];
        var ratio = Math.Log(to / from) / (count - 1);
        return Enumerable.Range(0, count).Select(i => i == count - 1 ? to : Rounded(from * Math.Exp(i * ratio))).ToList();
    }

    // Twelve significant digits hide floating-point noise (0.30000000000000004) without merging grid points.
    static double Rounded(double value) => double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
