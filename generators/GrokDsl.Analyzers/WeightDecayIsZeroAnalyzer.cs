using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GrokDsl.Analyzers;

/// <summary>
/// GROK0007: WeightDecay is required, so the compiler catches an omitted one; an explicit 0 inside an
/// experiment compiles, and without weight decay grokking takes orders of magnitude more steps, if it comes.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeightDecayIsZeroAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.WeightDecayIsZero);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.From(start.Compilation) is not { } known) return;
            start.RegisterOperationAction(operation => Analyze(operation, known), OperationKind.ObjectCreation, OperationKind.With);
        });
    }

    static void Analyze(OperationAnalysisContext context, KnownTypes known)
    {
        // `new AdamW { ... }`, `new() { ... }` and `optimizer with { ... }` all carry an initializer; any optimizer counts.
        var (type, initializer) = context.Operation switch
        {
            IObjectCreationOperation creation => (creation.Type, creation.Initializer),
            IWithOperation with => (with.Type, with.Initializer),
            _ => (null, null),
        };
        if (initializer is null || !known.IsOptimizer(type)) return;
        if (ExperimentSymbols.EnclosingExperiment(context.ContainingSymbol, known) is not { } experiment) return;

        foreach (var member in initializer.Initializers)
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "WeightDecay" }, Value.ConstantValue: { HasValue: true, Value: { } value } }
                && Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WeightDecayIsZero, member.Syntax.GetLocation(), experiment.Name));
    }
}
