using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GrokDsl.Shared;

/// <summary>
/// Whether a sweep's values convert to the swept property's type as the generated <c>new T[] { values }</c> would.
/// Compiled into the analyzers (GROK0005 reports a value that does not) and the generator (which then emits nothing
/// for the experiment, so GROK0005 is the only error rather than one among compiler errors in generated code).
/// Not part of GrokDsl itself, which does not reference Roslyn.
/// </summary>
internal static class SweepValueConversion
{
    /// <summary>The [Sweep] values of an attribute as written, each with its value before boxing to object.</summary>
    public static IEnumerable<(ExpressionSyntax Expression, IOperation Value)> Values(IArrayInitializerOperation values)
    {
        foreach (var element in values.ElementValues)
        {
            var value = element is IConversionOperation { IsImplicit: true } boxing ? boxing.Operand : element;
            if (value.Syntax is ExpressionSyntax expression) yield return (expression, value);
        }
    }

    // Constant conversions count (1 to a long or byte property), as in the generated array initializer;
    // null into a non-nullable reference type would only warn there, but it is never what a sweep means.
    public static bool Converts(SemanticModel model, ExpressionSyntax expression, IOperation value, ITypeSymbol target)
    {
        var conversion = model.ClassifyConversion(expression, target);
        var nullIntoNonNullable = value.ConstantValue is { HasValue: true, Value: null }
                                  && target is { IsReferenceType: true, NullableAnnotation: NullableAnnotation.NotAnnotated };
        return conversion is { Exists: true, IsImplicit: true } && !nullIntoNonNullable;
    }

    /// <summary>A range's values have the type of its bounds (int or double), whatever the property's type.</summary>
    public static bool RangeConverts(Compilation compilation, IMethodSymbol rangeConstructor, ITypeSymbol target) =>
        rangeConstructor.Parameters.Length == 0
        || compilation.ClassifyCommonConversion(rangeConstructor.Parameters[0].Type, target) is { Exists: true, IsImplicit: true };

    /// <summary>Whether every value of a sweep attribute converts to <paramref name="target"/>; true when it cannot be told.</summary>
    public static bool AllConvert(Compilation compilation, AttributeData attribute, ITypeSymbol target, CancellationToken cancellation)
    {
        if (attribute.AttributeConstructor is { } constructor && attribute.AttributeClass?.Name is "SweepRangeAttribute" or "SweepLogRangeAttribute")
            return RangeConverts(compilation, constructor, target);
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) is not AttributeSyntax syntax) return true;
        var model = compilation.GetSemanticModel(syntax.SyntaxTree);
        if (model.GetOperation(syntax, cancellation) is not IAttributeOperation { Operation: IObjectCreationOperation { Arguments.Length: 1 } creation }
            || creation.Arguments[0].Value is not IArrayCreationOperation { Initializer: { } values })
            return true;
        return Values(values).All(v => Converts(model, v.Expression, v.Value, target));
    }
}
