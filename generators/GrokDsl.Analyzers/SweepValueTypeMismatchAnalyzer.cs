using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GrokDsl.Analyzers;

/// <summary>
/// GROK0005: sweep values travel as <c>object</c>, so the compiler accepts any of them; the generated
/// <c>new T[] { values }</c> would not. Each value is classified as the generated array element would be.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SweepValueTypeMismatchAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SweepValueTypeMismatch);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.From(start.Compilation) is not { } known) return;
            start.RegisterOperationAction(operation => Analyze(operation, known), OperationKind.Attribute);
        });
    }

    static void Analyze(OperationAnalysisContext context, KnownTypes known)
    {
        var attribute = (IAttributeOperation)context.Operation;
        if (attribute.Operation is IObjectCreationOperation { Constructor: { } range } rangeCreation
            && (SymbolEqualityComparer.Default.Equals(range.ContainingType, known.SweepRangeAttribute)
                || SymbolEqualityComparer.Default.Equals(range.ContainingType, known.SweepLogRangeAttribute)))
        {
            AnalyzeRange(context, range, rangeCreation, attribute.Syntax);
            return;
        }

        if (attribute.Operation is not IObjectCreationOperation { Arguments.Length: 1 } creation
            || creation.Arguments[0].Value is not IArrayCreationOperation { Initializer: { } values }
            || !SymbolEqualityComparer.Default.Equals(creation.Constructor?.ContainingType, known.SweepAttribute)
            || TargetProperty(context.ContainingSymbol, attribute.Syntax) is not { } property
            || attribute.SemanticModel is not { } model)
            return;

        foreach (var element in values.ElementValues)
        {
            // Each value is boxed to object for the params array; what matters is the value before boxing.
            var value = element is IConversionOperation { IsImplicit: true } boxing ? boxing.Operand : element;
            if (value.Syntax is not ExpressionSyntax expression || Converts(model, expression, value, property.Type)) continue;

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SweepValueTypeMismatch, expression.GetLocation(), expression.ToString(), property.Type.ToDisplayString(), property.Name));
        }
    }

    // A range's values have the type of its bounds (int or double), whatever the property's type.
    static void AnalyzeRange(OperationAnalysisContext context, IMethodSymbol constructor, IObjectCreationOperation creation, SyntaxNode syntax)
    {
        if (TargetProperty(context.ContainingSymbol, syntax) is not { } property || constructor.Parameters.Length == 0) return;
        var valueType = constructor.Parameters[0].Type;
        if (context.Compilation.ClassifyCommonConversion(valueType, property.Type) is { Exists: true, IsImplicit: true }) return;

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.SweepValueTypeMismatch, creation.Syntax.GetLocation(), $"of type '{valueType.ToDisplayString()}'", property.Type.ToDisplayString(), property.Name));
    }

    // Constant conversions count (1 to a long or byte property), as in the generated array initializer;
    // null into a non-nullable reference type would only warn there, but it is never what a sweep means.
    static bool Converts(SemanticModel model, ExpressionSyntax expression, IOperation value, ITypeSymbol target)
    {
        var conversion = model.ClassifyConversion(expression, target);
        var nullIntoNonNullable = value.ConstantValue is { HasValue: true, Value: null }
                                  && target is { IsReferenceType: true, NullableAnnotation: NullableAnnotation.NotAnnotated };
        return conversion is { Exists: true, IsImplicit: true } && !nullIntoNonNullable;
    }

    // [property: Sweep(...)] on a positional record parameter is reported with the primary constructor as
    // its owner; the attribute belongs to the property of the same name.
    static IPropertySymbol? TargetProperty(ISymbol owner, SyntaxNode attribute) => owner switch
    {
        IPropertySymbol property => property,
        IMethodSymbol { ContainingType: { } type } when attribute.Parent?.Parent is ParameterSyntax parameter =>
            type.GetMembers(parameter.Identifier.ValueText).OfType<IPropertySymbol>().FirstOrDefault(),
        _ => null,
    };
}
