using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>GROK0004: a sweep expands with `this with { P = value }`, which needs a public settable instance property.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SweepPropertyNotSettableAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SweepPropertyNotSettable);

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
        if (known.AxisOf(property) is not { } sweep) return;
        if (property is { IsStatic: false, DeclaredAccessibility: Accessibility.Public, SetMethod: not null }) return;

        var location = ExperimentSymbols.Locate(sweep, context.CancellationToken) ?? property.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SweepPropertyNotSettable, location, property.Name));
    }
}
