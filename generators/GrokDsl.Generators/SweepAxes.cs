using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GrokDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokDsl.Generators;

/// <summary>
/// Reads a property's sweep attribute into the C# literals of its values. Ranges are expanded here,
/// at compile time, so the generated code lists every value a run can take.
/// </summary>
internal static class SweepAxes
{
    /// <summary>More values than this on one axis is a typo, not a sweep; the axis is dropped and GROK0006 says why.</summary>
    public const int MaxValues = 10_000;

    public static SweepAxisSpec? Read(IPropertySymbol property, string typeName)
    {
        if (property.SetMethod is null) return null;
        foreach (var attribute in property.GetAttributes())
        {
            var values = attribute.AttributeClass?.ToDisplayString() switch
            {
                KnownNames.SweepAttribute => Listed(attribute),
                KnownNames.SweepRangeAttribute => Range(attribute),
                KnownNames.SweepLogRangeAttribute => LogRange(attribute),
                _ => null,
            };
            if (values is null) continue;
            if (values.Count == 0) return null;

            var zip = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Zip").Value.Value as string;
            return new SweepAxisSpec(property.Name, typeName, values.ToEquatableArray(), zip);
        }
        return null;
    }

    static List<string>? Listed(AttributeData sweep)
    {
        // [Sweep(null)] passes a null array rather than one null value.
        var arguments = sweep.ConstructorArguments;
        if (arguments.Length != 1 || arguments[0].Kind != TypedConstantKind.Array || arguments[0].IsNull) return [];
        return arguments[0].Values.Select(Literal).ToList();
    }

    static List<string>? Range(AttributeData range)
    {
        if (range.ConstructorArguments.Length != 3) return [];
        var (from, to, step) = (range.ConstructorArguments[0], range.ConstructorArguments[1], range.ConstructorArguments[2]);
        if (from.Value is int intFrom && to.Value is int intTo && step.Value is int intStep)
            return Steps(intFrom, intTo, intStep).Select(v => ((int)Math.Round(v)).ToString(CultureInfo.InvariantCulture)).ToList();
        if (from.Value is double doubleFrom && to.Value is double doubleTo && step.Value is double doubleStep)
            return Steps(doubleFrom, doubleTo, doubleStep).Select(DoubleLiteral).ToList();
        return [];
    }

    /// <summary>from, from + step, ... up to to; a small tolerance keeps 0.1 + 4 × 0.1 from missing 0.5.</summary>
    public static IEnumerable<double> Steps(double from, double to, double step)
    {
        if (step == 0 || double.IsNaN(step) || Math.Sign(to - from) * Math.Sign(step) < 0) return [];
        var count = Math.Floor((to - from) / step + 1e-9) + 1;
        if (count > MaxValues) return [];
        return Enumerable.Range(0, (int)count).Select(i => Rounded(from + i * step));
    }

    static List<string>? LogRange(AttributeData range)
    {
        var arguments = range.ConstructorArguments;
        if (arguments.Length != 3 || arguments[0].Value is not double from || arguments[1].Value is not double to || arguments[2].Value is not int count) return [];
        return LogSteps(from, to, count).Select(DoubleLiteral).ToList();
    }

    /// <summary>count values from from to to, equally spaced in log(value).</summary>
    public static IEnumerable<double> LogSteps(double from, double to, int count)
    {
        if (!(from > 0) || !(to > 0) || count < 1 || count > MaxValues || (count == 1 && from != to)) return [];
        if (count == 1) return [from];
        var ratio = Math.Log(to / from) / (count - 1);
        return Enumerable.Range(0, count).Select(i => i == count - 1 ? to : Rounded(from * Math.Exp(i * ratio)));
    }

    // Twelve significant digits hide floating-point noise (0.30000000000000004) without merging grid points.
    static double Rounded(double value) => double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    static string DoubleLiteral(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // ToCSharpString drops the F suffix of floats and writes non-finite values as bare words (NaN, Infinity).
    static string Literal(TypedConstant value) => value.Value switch
    {
        float f when float.IsNaN(f) => "float.NaN",
        float f when float.IsInfinity(f) => f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsInfinity(d) => d > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity",
        _ => value.ToCSharpString(),
    };
}
