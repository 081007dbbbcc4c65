using System.Linq;
using GrokDsl.Shared;
using Microsoft.CodeAnalysis;

namespace GrokDsl.Analyzers;

/// <summary>How many values a sweep axis attribute expands to, counted as the generator expands it (up to its per-axis cap).</summary>
internal static class SweepAxisValues
{
    /// <summary>The count, uncapped and without listing the values (a range of 1e9 steps counts 1e9); 0 when the axis has no values.</summary>
    public static long Count(AttributeData axis, KnownTypes known)
    {
        var arguments = axis.ConstructorArguments;
        var type = axis.AttributeClass;
        if (SymbolEqualityComparer.Default.Equals(type, known.SweepAttribute))
            return arguments.Length == 1 && !arguments[0].IsNull ? arguments[0].Values.Length : 0;

        if (arguments.Length != 3) return 0;
        if (SymbolEqualityComparer.Default.Equals(type, known.SweepLogRangeAttribute))
            return arguments[0].Value is double from && arguments[1].Value is double to && arguments[2].Value is int count
                ? SweepRanges.LogStepCount(from, to, count)
                : 0;

        var bounds = arguments.Select(static a => a.Value switch { int i => i, double d => d, _ => double.NaN }).ToArray();
        return SweepSizes.Saturate(SweepRanges.StepCount(bounds[0], bounds[1], bounds[2]));
    }

    /// <summary>The zip group an axis belongs to, or null.</summary>
    public static string? Zip(AttributeData axis) =>
        axis.NamedArguments.FirstOrDefault(static a => a.Key == "Zip").Value.Value as string;
}
