using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>
/// GROK0010: zipped axes pair their i-th values, so they must have as many values each. The first axis
/// of a group sets the length; every other axis that differs is reported. The generator skips the
/// experiment until they agree.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ZippedSweepAxesAnalyzer : ExperimentRecordAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ZippedSweepAxesDifferInLength);


    static int Depth(INamedTypeSymbol type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType) depth++;
        return depth;
    }

    private protected override void AnalyzeExperiment(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData experiment, KnownTypes known)
    {
        // Base records first, each in declaration order, as the generator orders the axes.
        var properties = ExperimentSymbols.InstanceProperties(type)
            .Select(static (property, index) => (property, index, depth: Depth(property.ContainingType)))
            .OrderBy(static p => p.depth).ThenBy(static p => p.index)
            .Select(static p => p.property);

        var firstOfGroup = new Dictionary<string, (IPropertySymbol Property, long Count)>();
        foreach (var property in properties)
        {
            if (known.AxisOf(property) is not { } axis || SweepAxisValues.Zip(axis) is not { } zip) continue;
            var count = SweepAxisValues.Count(axis, known);
            if (!firstOfGroup.TryGetValue(zip, out var first))
            {
                firstOfGroup.Add(zip, (property, count));
                continue;
            }
            if (count == first.Count) continue;

            // Properties inherited from a referenced assembly have no source to point at.
            var location = ExperimentSymbols.Locate(axis, context.CancellationToken) ?? type.Locations[0];
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ZippedSweepAxesDifferInLength, location, property.Name, count, first.Property.Name, zip, first.Count));
        }
    }
}
