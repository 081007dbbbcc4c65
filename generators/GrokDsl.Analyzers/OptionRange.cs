using GrokDsl.Shared;
using Microsoft.CodeAnalysis;

namespace GrokDsl.Analyzers;

/// <summary>The bounds a <c>[Range]</c> attribute declares, with the attribute's defaults for unset ones.</summary>
internal sealed class OptionRange
{
    OptionRange(double min, double max, bool minExclusive, bool maxExclusive)
    {
        Min = min;
        Max = max;
        MinExclusive = minExclusive;
        MaxExclusive = maxExclusive;
    }

    public double Min { get; }
    public double Max { get; }
    public bool MinExclusive { get; }
    public bool MaxExclusive { get; }

    public static OptionRange From(AttributeData attribute)
    {
        double min = double.NegativeInfinity, max = double.PositiveInfinity;
        bool minExclusive = false, maxExclusive = false;
        foreach (var argument in attribute.NamedArguments)
            switch (argument.Key, argument.Value.Value)
            {
                case ("Min", double value): min = value; break;
                case ("Max", double value): max = value; break;
                case ("MinExclusive", bool value): minExclusive = value; break;
                case ("MaxExclusive", bool value): maxExclusive = value; break;
            }
        return new OptionRange(min, max, minExclusive, maxExclusive);
    }

    public bool Contains(double value) => RangeBounds.Contains(value, Min, Max, MinExclusive, MaxExclusive);

    /// <summary>The range as the message completes "must be …": "in (0, 1)", "> 0", ">= 2".</summary>
    public string Describe() => RangeBounds.Describe(Min, Max, MinExclusive, MaxExclusive);

    public static string Format(double value) => RangeBounds.Format(value);
}
