using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>GROK0006: a sweep without values would expand to no runs; the generator drops the axis instead.</summary>
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
        if (known.SweepOf(property) is not { ConstructorArguments.Length: 1 } sweep) return;

        // [Sweep(null)] binds null to the params array itself.
        var values = sweep.ConstructorArguments[0];
        if (!values.IsNull && !values.Values.IsEmpty) return;

        var location = ExperimentSymbols.Locate(sweep, context.CancellationToken) ?? property.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SweepWithoutValues, location, property.Name));
    }
}
