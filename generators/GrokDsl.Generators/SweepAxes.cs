using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GrokDsl.Generators.Model;
using GrokDsl.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokDsl.Generators;

/// <summary>
/// Reads a property's sweep attribute into the C# literals of its values. Ranges are expanded here,
/// at compile time, so the generated code lists every value a run can take.
/// </summary>
internal static class SweepAxes
{
    /// <summary>The property's axis, or null when it has none; <paramref name="convertible"/> is false when a value does not convert (GROK0005).</summary>
    public static SweepAxisSpec? Read(IPropertySymbol property, string typeName, Compilation compilation, System.Threading.CancellationToken cancellation, out bool convertible)
    {
        convertible = true;
        if (property.SetMethod is null) return null;
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() is KnownNames.SweepAttribute or KnownNames.SweepRangeAttribute or KnownNames.SweepLogRangeAttribute
                && !SweepValueConversion.AllConvert(compilation, attribute, property.Type, cancellation))
            {
                convertible = false;
                return null;
            }
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
            return SweepRanges.Steps(intFrom, intTo, intStep).Select(v => ((int)Math.Round(v)).ToString(CultureInfo.InvariantCulture)).ToList();
        if (from.Value is double doubleFrom && to.Value is double doubleTo && step.Value is double doubleStep)
            return SweepRanges.Steps(doubleFrom, doubleTo, doubleStep).Select(DoubleLiteral).ToList();
        return [];
    }

    static List<string>? LogRange(AttributeData range)
    {
        var arguments = range.ConstructorArguments;
        if (arguments.Length != 3 || arguments[0].Value is not double from || arguments[1].Value is not double to || arguments[2].Value is not int count) return [];
        return SweepRanges.LogSteps(from, to, count).Select(DoubleLiteral).ToList();
    }

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
