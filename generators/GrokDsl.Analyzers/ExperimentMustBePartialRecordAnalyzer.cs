using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>GROK0001: the generator extends an experiment with `partial record`, so nothing else can be one.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExperimentMustBePartialRecordAnalyzer : ExperimentRecordAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ExperimentMustBePartialRecord);


    private protected override void AnalyzeExperiment(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData experiment, KnownTypes known)
    {
        if (Problem(type, context.CancellationToken) is not { } problem) return;

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExperimentMustBePartialRecord, type.Locations[0], type.Name, problem));
    }

    // The same conditions, in the same order, as the generator's parser.
    static string? Problem(INamedTypeSymbol type, CancellationToken cancellation) =>
        !type.IsRecord || type.TypeKind != TypeKind.Class ? "is not a record class"
        : type.ContainingType is not null ? "is nested in another type"
        : type.Arity > 0 ? "is generic"
        : !IsPartial(type, cancellation) ? "is not partial"
        : null;

    static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellation) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax(cancellation) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
}
