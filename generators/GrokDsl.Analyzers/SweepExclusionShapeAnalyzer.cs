using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>
/// GROK0011: the generated sweep calls every <c>[SweepExclusion]</c> method as <c>run.Method()</c> and
/// skips the run when it returns true; a method of another shape would be silently ignored.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SweepExclusionShapeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SweepExclusionShape);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.From(start.Compilation) is not { SweepExclusionAttribute: { } exclusion } known) return;
            start.RegisterSymbolAction(symbol => Analyze(symbol, known, exclusion), SymbolKind.Method);
        });
    }

    static void Analyze(SymbolAnalysisContext context, KnownTypes known, INamedTypeSymbol exclusion)
    {
        var method = (IMethodSymbol)context.Symbol;
        var attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, exclusion));
        if (attribute is null) return;

        var problem = method switch
        {
            { IsStatic: true } => "is static",
            { Parameters.Length: > 0 } => "takes parameters",
            { Arity: > 0 } => "is generic",
            { ReturnType.SpecialType: not SpecialType.System_Boolean } => $"returns '{method.ReturnType.ToDisplayString()}'",
            _ when known.ExperimentOf(method.ContainingType) is null && method.DeclaredAccessibility == Accessibility.Private =>
                "is private to a base record, so the experiment cannot call it",
            _ => null,
        };
        if (problem is null) return;

        var location = ExperimentSymbols.Locate(attribute, context.CancellationToken) ?? method.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SweepExclusionShape, location, method.Name, problem));
    }
}
