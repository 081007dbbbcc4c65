using System.Collections.Immutable;
using System.Linq;
using GrokDsl.Shared;
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

        // Each value is boxed to object for the params array; what matters is the value before boxing.
        foreach (var (expression, value) in SweepValueConversion.Values(values))
        {
            if (SweepValueConversion.Converts(model, expression, value, property.Type)) continue;

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SweepValueTypeMismatch, expression.GetLocation(), expression.ToString(), property.Type.ToDisplayString(), property.Name));
        }
    }

    // A range's values have the type of its bounds (int or double), whatever the property's type.
    static void AnalyzeRange(OperationAnalysisContext context, IMethodSymbol constructor, IObjectCreationOperation creation, SyntaxNode syntax)
    {
        if (TargetProperty(context.ContainingSymbol, syntax) is not { } property || constructor.Parameters.Length == 0) return;
        var valueType = constructor.Parameters[0].Type;
        if (SweepValueConversion.RangeConverts(context.Compilation, constructor, property.Type)) return;

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.SweepValueTypeMismatch, creation.Syntax.GetLocation(), $"of type '{valueType.ToDisplayString()}'", property.Type.ToDisplayString(), property.Name));
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
