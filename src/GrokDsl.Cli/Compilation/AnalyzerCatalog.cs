using System.Collections.Immutable;
using System.Reflection;
using GrokDsl.Analyzers;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Cli.Compilation;

/// <summary>The GrokDsl analyzers, run on loose experiment files exactly as the IDE runs them.</summary>
static class AnalyzerCatalog
{
    public static IReadOnlyList<Assembly> Assemblies { get; } = [typeof(DiagnosticIds).Assembly];

    public static ImmutableArray<DiagnosticAnalyzer> All { get; } =
    [
        .. typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!),
    ];
}
