using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>GROK0008: reports show where a setup comes from; an experiment without a Source shows nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExperimentSourceMissingAnalyzer : ExperimentRecordAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ExperimentSourceMissing);


    private protected override void AnalyzeExperiment(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData experiment, KnownTypes known)
    {
        var source = experiment.NamedArguments.FirstOrDefault(static a => a.Key == "Source").Value.Value as string;
        if (!string.IsNullOrWhiteSpace(source)) return;

        var location = ExperimentSymbols.Locate(experiment, context.CancellationToken) ?? type.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExperimentSourceMissing, location, type.Name));
    }
}
