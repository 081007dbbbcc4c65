using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>
/// The base of the rules that look at one <c>[Experiment]</c> record at a time. It holds what they all share: they
/// check hand-written code only, cost nothing in a compilation that does not reference GrokDsl, and see the record
/// together with its attribute.
/// </summary>
public abstract class ExperimentRecordAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownTypes.From(start.Compilation) is not { } known) return;
            start.RegisterSymbolAction(symbol =>
            {
                var type = (INamedTypeSymbol)symbol.Symbol;
                if (known.ExperimentOf(type) is { } experiment) AnalyzeExperiment(symbol, type, experiment, known);
            }, SymbolKind.NamedType);
        });
    }

    private protected abstract void AnalyzeExperiment(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData experiment, KnownTypes known);
}
