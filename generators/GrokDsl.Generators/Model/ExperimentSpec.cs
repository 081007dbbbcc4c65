using System;
using System.Collections.Generic;

namespace GrokDsl.Generators.Model;

// Models are Roslyn incremental values: they must be immutable and have structural equality, and they
// must hold no ISymbol, SyntaxNode, Location or Compilation (the cacheability tests check this).
// Keep that true when adding members, or the generator re-runs on every keystroke.

/// <summary>Everything the emitter needs to know about one experiment record.</summary>
internal sealed record ExperimentSpec(
    string? Namespace,
    string TypeName,
    string Accessibility,
    string Id,
    string? Source,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<SweepAxisSpec> SweepAxes,
    EquatableArray<string> SweepExclusions = default)
{
    public string FullyQualifiedName => Namespace is null ? $"global::{TypeName}" : $"global::{Namespace}.{TypeName}";

    public string HintName => Namespace is null ? $"{TypeName}.g.cs" : $"{Namespace}.{TypeName}.g.cs";

    /// <summary>
    /// The sweep's loops, outermost first: an axis of its own, or the zipped axes of one group, placed
    /// where the group's first axis is declared.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<SweepAxisSpec>> SweepGroups()
    {
        var groups = new List<List<SweepAxisSpec>>();
        var byZip = new Dictionary<string, List<SweepAxisSpec>>(StringComparer.Ordinal);
        foreach (var axis in SweepAxes)
        {
            if (axis.Zip is not null && byZip.TryGetValue(axis.Zip, out var group))
            {
                group.Add(axis);
                continue;
            }
            group = [axis];
            groups.Add(group);
            if (axis.Zip is not null) byZip.Add(axis.Zip, group);
        }
        return groups;
    }

    public PropertySpec? Find(PropertyRole role)
    {
        foreach (var property in Properties)
            if (property.Role == role) return property;
        return null;
    }
}

/// <summary>What a property means to the pipeline.</summary>
internal enum PropertyRole
{
    Setting,
    Dataset,
    Model,
    Optimizer,
    Training,
    Stopping,
    Seed,
    Measures,
}

/// <summary>A public instance property of an experiment.</summary>
/// <param name="ComponentId">The plugin component id for <see cref="PropertyRole.Dataset"/> and <see cref="PropertyRole.Model"/>.</param>
internal sealed record PropertySpec(string Name, string TypeName, PropertyRole Role, string? ComponentId);

/// <summary>A sweep axis: a property and the C# literals of its values.</summary>
/// <param name="Zip">The group of axes this one varies together with, or null for an axis of its own.</param>
internal sealed record SweepAxisSpec(string PropertyName, string TypeName, EquatableArray<string> Values, string? Zip = null);
