using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>
/// GROK0016: a swept property that nothing passes on. The run specification carries the dataset, model, measures,
/// optimizer, training, stopping and seed; any other property reaches training only through another member that
/// reads it (<c>Optimizer =&gt; new() { LearningRate = Rate }</c>). A swept property read by nothing multiplies the
/// runs without changing what they train. References are matched by name in the experiment's own source, so a
/// property named anywhere in it counts as read (no false alarms, at the cost of some missed ones).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SweptPropertyUnreadAnalyzer : ExperimentRecordAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SweptPropertyUnread);


    private protected override void AnalyzeExperiment(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData experiment, KnownTypes known)
    {
        var training = context.Compilation.GetTypeByMetadataName("GrokDsl.Training");
        var stopping = context.Compilation.GetTypeByMetadataName("GrokDsl.Stopping");
        foreach (var property in ExperimentSymbols.InstanceProperties(type))
        {
            if (known.AxisOf(property) is not { } axis || ReachesTheRun(property, known, training, stopping)
                || IsNamedElsewhere(type, property, context.CancellationToken))
                continue;
            var location = ExperimentSymbols.Locate(axis, context.CancellationToken) ?? property.Locations[0];
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SweptPropertyUnread, location, property.Name, type.Name));
        }
    }

    // The properties the generated run specification hands to the trainer, as the generator's parser picks them.
    static bool ReachesTheRun(IPropertySymbol property, KnownTypes known, INamedTypeSymbol? training, INamedTypeSymbol? stopping) =>
        known.ComponentKindOf(property.Type) is not null
        || known.IsOptimizer(property.Type)
        || SymbolEqualityComparer.Default.Equals(property.Type, training)
        || SymbolEqualityComparer.Default.Equals(property.Type, stopping)
        || property.Name is "Seed" or "Measures";

    // Any identifier with the property's name in the experiment's declarations (and its base records'), other than the
    // property's own declaration.
    static bool IsNamedElsewhere(INamedTypeSymbol type, IPropertySymbol property, CancellationToken cancellation)
    {
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            foreach (var reference in t.DeclaringSyntaxReferences)
                if (reference.GetSyntax(cancellation).DescendantNodes().OfType<IdentifierNameSyntax>()
                    .Any(identifier => identifier.Identifier.ValueText == property.Name
                                       && identifier.FirstAncestorOrSelf<PropertyDeclarationSyntax>()?.Identifier.ValueText != property.Name))
                    return true;
        return false;
    }
}
