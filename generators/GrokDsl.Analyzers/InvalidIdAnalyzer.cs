using System.Collections.Immutable;
using GrokDsl.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>
/// GROK0014: an <c>[Experiment]</c> or <c>[Component]</c> id that <see cref="IdRules"/> refuses. Experiment ids become
/// folders of the run store, so "../x" would write outside it; the generator skips such an experiment.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidIdAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidId);

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
        if (known.ExperimentOf(type) is { ConstructorArguments.Length: 1 } experiment && experiment.ConstructorArguments[0].Value is string experimentId)
            Check(context, experiment, "Experiment", experimentId);
        if (known.ComponentOf(type) is { ConstructorArguments.Length: 2 } component && component.ConstructorArguments[1].Value is string componentId)
            Check(context, component, "Component", componentId);
    }

    static void Check(SymbolAnalysisContext context, AttributeData attribute, string what, string id)
    {
        if (IdRules.Problem(id) is not { } problem) return;
        var argument = attribute.ConstructorArguments.Length - 1;
        var location = ExperimentSymbols.LocateArgument(attribute, argument, context.CancellationToken) ?? context.Symbol.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidId, location, what, id, problem));
    }
}
