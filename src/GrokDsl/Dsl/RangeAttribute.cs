namespace GrokDsl;

/// <summary>
/// Declares the valid values of a numeric option. GrokDsl.Analyzers reads it generically and reports a
/// constant outside the range (GROK0009) at compile time, so option records from plugins get the same
/// checks as the built-in ones. Bounds are inclusive unless marked exclusive; an unset bound is open.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class RangeAttribute : Attribute
{
    public double Min { get; set; } = double.NegativeInfinity;
    public double Max { get; set; } = double.PositiveInfinity;
    public bool MinExclusive { get; set; }
    public bool MaxExclusive { get; set; }

    /// <summary>Whether <paramref name="value"/> is inside; NaN never is.</summary>
    public bool Contains(double value) => Shared.RangeBounds.Contains(value, Min, Max, MinExclusive, MaxExclusive);

    /// <summary>The range as it completes "must be …": "in (0, 1)", "> 0", ">= 2" (the analyzers' wording).</summary>
    public string Describe() => Shared.RangeBounds.Describe(Min, Max, MinExclusive, MaxExclusive);
}
