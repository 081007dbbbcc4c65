using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GrokDsl.Analyzers;

/// <summary>
/// The DSL types the rules look for, resolved once per compilation and compared as symbols. Null when
/// the compilation does not reference GrokDsl, so analyzers cost nothing in unrelated projects.
/// </summary>
internal sealed class KnownTypes
{
    KnownTypes(INamedTypeSymbol experiment, INamedTypeSymbol sweep, INamedTypeSymbol component, INamedTypeSymbol range, INamedTypeSymbol optimizerOptions, Compilation compilation)
    {
        ExperimentAttribute = experiment;
        SweepAttribute = sweep;
        SweepAxisAttribute = compilation.GetTypeByMetadataName("GrokDsl.SweepAxisAttribute");
        SweepRangeAttribute = compilation.GetTypeByMetadataName("GrokDsl.SweepRangeAttribute");
        SweepLogRangeAttribute = compilation.GetTypeByMetadataName("GrokDsl.SweepLogRangeAttribute");
        SweepExclusionAttribute = compilation.GetTypeByMetadataName("GrokDsl.SweepExclusionAttribute");
        ComponentAttribute = component;
        RangeAttribute = range;
        OptimizerOptions = optimizerOptions;
        Training = compilation.GetTypeByMetadataName("GrokDsl.Training");
        Stopping = compilation.GetTypeByMetadataName("GrokDsl.Stopping");
    }

    public INamedTypeSymbol ExperimentAttribute { get; }
    public INamedTypeSymbol SweepAttribute { get; }

    // Null against a GrokDsl build that predates them; the rules about them then have nothing to check.
    public INamedTypeSymbol? SweepAxisAttribute { get; }
    public INamedTypeSymbol? SweepRangeAttribute { get; }
    public INamedTypeSymbol? SweepLogRangeAttribute { get; }
    public INamedTypeSymbol? SweepExclusionAttribute { get; }
    public INamedTypeSymbol ComponentAttribute { get; }
    public INamedTypeSymbol RangeAttribute { get; }
    public INamedTypeSymbol OptimizerOptions { get; }

    /// <summary>The run settings an experiment hands to training as they are (null against a GrokDsl build without them).</summary>
    public INamedTypeSymbol? Training { get; }
    public INamedTypeSymbol? Stopping { get; }

    /// <summary>Whether a type is an optimizer's options (derives from GrokDsl.OptimizerOptions).</summary>
    public bool IsOptimizer(ITypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (SymbolEqualityComparer.Default.Equals(t, OptimizerOptions)) return true;
        return false;
    }

    public static KnownTypes? From(Compilation compilation) =>
        compilation.GetTypeByMetadataName("GrokDsl.ExperimentAttribute") is { } experiment
        && compilation.GetTypeByMetadataName("GrokDsl.SweepAttribute") is { } sweep
        && compilation.GetTypeByMetadataName("GrokDsl.ComponentAttribute") is { } component
        && compilation.GetTypeByMetadataName("GrokDsl.RangeAttribute") is { } range
        && compilation.GetTypeByMetadataName("GrokDsl.OptimizerOptions") is { } optimizerOptions
            ? new KnownTypes(experiment, sweep, component, range, optimizerOptions, compilation)
            : null;

    public AttributeData? ExperimentOf(ISymbol symbol) => Find(symbol.GetAttributes(), ExperimentAttribute);

    /// <summary>The attribute that makes a property a sweep axis: [Sweep], [SweepRange] or [SweepLogRange].</summary>
    public AttributeData? AxisOf(ISymbol symbol) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } type
                                                   && (SymbolEqualityComparer.Default.Equals(type, SweepAttribute)
                                                       || SymbolEqualityComparer.Default.Equals(type.BaseType, SweepAxisAttribute)));

    public AttributeData? ComponentOf(ISymbol symbol) => Find(symbol.GetAttributes(), ComponentAttribute);

    public AttributeData? RangeOf(ISymbol symbol) => Find(symbol.GetAttributes(), RangeAttribute);

    /// <summary>The <c>ComponentKind</c> value an options type declares, or null for a type that is no component.</summary>
    public int? ComponentKindOf(ITypeSymbol type) =>
        Find(type.GetAttributes(), ComponentAttribute) is { ConstructorArguments: { Length: 2 } arguments } && arguments[0].Value is int kind
            ? kind
            : null;

    static AttributeData? Find(ImmutableArray<AttributeData> attributes, INamedTypeSymbol type) =>
        attributes.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, type));
}
