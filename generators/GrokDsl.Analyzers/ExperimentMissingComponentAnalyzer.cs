using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>GROK0003: a run needs data, a model and an optimizer; the generator skips experiments without them.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExperimentMissingComponentAnalyzer : ExperimentRecordAnalyzer
{
    // GrokDsl.ComponentKind values.
    const int Dataset = 0;
    const int Model = 1;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ExperimentMissingComponent);


    private protected override void AnalyzeExperiment(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData experiment, KnownTypes known)
    {
        var types = ExperimentSymbols.InstanceProperties(type).Select(static p => p.Type).ToList();
        if (!types.Any(t => known.ComponentKindOf(t) == Dataset))
            Report(context, type, "dataset", "an options record marked [Component(ComponentKind.Dataset, \"id\")]");
        if (!types.Any(t => known.ComponentKindOf(t) == Model))
            Report(context, type, "model", "an options record marked [Component(ComponentKind.Model, \"id\")]");
        if (!types.Any(known.IsOptimizer))
            Report(context, type, "optimizer", "an optimizer's options (AdamW, Adam, Sgd: GrokDsl.OptimizerOptions)");
    }

    static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, string role, string expected) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExperimentMissingComponent, type.Locations[0], type.Name, role, expected));
}
