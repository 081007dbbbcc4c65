using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>
/// GROK0006: a sweep axis without values would expand to no runs; the generator drops the axis instead.
/// Covers empty lists and ranges that never reach their end; a range that is merely too large is GROK0015.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SweepWithoutValuesAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SweepWithoutValues);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.From(start.Compilation) is not { } known) return;
            start.RegisterSymbolAction(symbol => Analyze(symbol, known), SymbolKind.Property);
        });
    }

    static void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        var property = (IPropertySymbol)context.Symbol;
        if (known.AxisOf(property) is not { } axis || SweepAxisValues.Count(axis, known) > 0) return;

        var location = ExperimentSymbols.Locate(axis, context.CancellationToken) ?? property.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SweepWithoutValues, location, property.Name));
    }
}
