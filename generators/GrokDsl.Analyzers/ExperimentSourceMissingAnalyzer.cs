using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>GROK0008: reports show where a setup comes from; an experiment without a Source shows nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExperimentSourceMissingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ExperimentSourceMissing);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.From(start.Compilation) is not { } known) return;
            start.RegisterSymbolAction(symbol => Analyze(symbol, known), SymbolKind.NamedType);
        });
    }

    static void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (known.ExperimentOf(type) is not { } attribute) return;

        var source = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "Source").Value.Value as string;
        if (!string.IsNullOrWhiteSpace(source)) return;

        var location = ExperimentSymbols.Locate(attribute, context.CancellationToken) ?? type.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExperimentSourceMissing, location, type.Name));
    }
}
