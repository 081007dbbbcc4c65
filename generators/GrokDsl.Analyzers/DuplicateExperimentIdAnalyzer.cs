using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>GROK0002: two experiments with one id would write into the same run folders.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateExperimentIdAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DuplicateExperimentId);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.From(start.Compilation) is not { } known) return;

            var experiments = new ConcurrentBag<Declaration>();
            start.RegisterSymbolAction(symbol => Collect(symbol, known, experiments), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => ReportDuplicates(end, experiments));
        });
    }

    static void Collect(SymbolAnalysisContext context, KnownTypes known, ConcurrentBag<Declaration> experiments)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (known.ExperimentOf(type) is not { ConstructorArguments.Length: 1 } attribute || attribute.ConstructorArguments[0].Value is not string id) return;

        var location = ExperimentSymbols.Locate(attribute, context.CancellationToken, firstArgument: true) ?? type.Locations[0];
        experiments.Add(new Declaration(id, type.ToDisplayString(), location));
    }

    // Ids name folders, and Windows and macOS file systems ignore case.
    static void ReportDuplicates(CompilationAnalysisContext context, ConcurrentBag<Declaration> experiments)
    {
        foreach (var group in experiments.GroupBy(static e => e.Id, StringComparer.OrdinalIgnoreCase).Where(static g => g.Count() > 1))
            foreach (var experiment in group)
            {
                var others = group.Where(other => other != experiment).Select(static other => other.Type).OrderBy(static name => name, StringComparer.Ordinal);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateExperimentId, experiment.Location, experiment.Id, string.Join("', '", others)));
            }
    }

    sealed class Declaration(string id, string type, Location location)
    {
        public string Id { get; } = id;
        public string Type { get; } = type;
        public Location Location { get; } = location;
    }
}
