using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GrokDsl.Analyzers;

/// <summary>
/// GROK0013: a measure id in an experiment's <c>Measures</c> that no <c>[Component(Measure, id)]</c>
/// record visible to the build declares. Only where the build says it knows every plugin
/// (<c>&lt;GrokDslComponentsKnown&gt;true&lt;/GrokDslComponentsKnown&gt;</c>): plugins found at run time
/// are otherwise legitimate ids the compiler has never seen.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownMeasureIdAnalyzer : DiagnosticAnalyzer
{
    public const string ComponentsKnownProperty = "build_property.GrokDslComponentsKnown";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownMeasureId);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.From(start.Compilation) is not { } known
                || !start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ComponentsKnownProperty, out var enabled)
                || !string.Equals(enabled, "true", System.StringComparison.OrdinalIgnoreCase))
                return;

            var measures = MeasureIds(start.Compilation, known);
            start.RegisterOperationAction(operation =>
            {
                var initializer = (IPropertyInitializerOperation)operation.Operation;
                if (initializer.InitializedProperties.Any(static p => p.Name == "Measures")
                    && ExperimentSymbols.EnclosingExperiment(operation.ContainingSymbol, known) is { } experiment)
                    Check(operation, initializer.Value, measures, experiment);
            }, OperationKind.PropertyInitializer);
        });
    }

    static void Check(OperationAnalysisContext context, IOperation value, ISet<string> measures, INamedTypeSymbol experiment)
    {
        foreach (var literal in value.DescendantsAndSelf().OfType<ILiteralOperation>())
            if (literal.ConstantValue is { HasValue: true, Value: string id } && !measures.Contains(id))
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UnknownMeasureId, literal.Syntax.GetLocation(), id, experiment.Name, string.Join(", ", measures.OrderBy(static m => m, System.StringComparer.Ordinal))));
    }

    // Every measure component in the compilation and the assemblies it references.
    static ISet<string> MeasureIds(Compilation compilation, KnownTypes known)
    {
        var ids = new HashSet<string>(System.StringComparer.Ordinal);
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(compilation.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            var current = namespaces.Pop();
            foreach (var member in current.GetNamespaceMembers()) namespaces.Push(member);
            foreach (var type in current.GetTypeMembers())
                if (known.ComponentKindOf(type) == MeasureKind
                    && type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.ComponentAttribute)) is { ConstructorArguments.Length: 2 } component
                    && component.ConstructorArguments[1].Value is string id)
                    ids.Add(id);
        }
        return ids;
    }

    // GrokDsl.ComponentKind.Measure.
    const int MeasureKind = 2;
}
