using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GrokDsl.Analyzers;

/// <summary>How the generator sees an experiment, for the rules that must agree with it.</summary>
internal static class ExperimentSymbols
{
    /// <summary>Public instance properties with a getter, inherited ones included, as the generator reads them.</summary>
    public static IEnumerable<IPropertySymbol> InstanceProperties(INamedTypeSymbol type)
    {
        var seen = new HashSet<string>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            foreach (var member in t.GetMembers())
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property
                    && property.Name != "EqualityContract" && seen.Add(property.Name))
                    yield return property;
    }

    /// <summary>The experiment a symbol is declared in (itself, or a type it is nested in), if any.</summary>
    public static INamedTypeSymbol? EnclosingExperiment(ISymbol symbol, KnownTypes known)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
            if (known.ExperimentOf(type) is not null) return type;
        return null;
    }

    /// <summary>Where an attribute is written, or its first argument when <paramref name="firstArgument"/> is set.</summary>
    public static Location? Locate(AttributeData attribute, CancellationToken cancellation, bool firstArgument = false)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) is not AttributeSyntax syntax) return null;
        return firstArgument && syntax.ArgumentList is { Arguments.Count: > 0 } list ? list.Arguments[0].GetLocation() : syntax.GetLocation();
    }

    /// <summary>Where an attribute's positional argument <paramref name="index"/> is written, else the attribute.</summary>
    public static Location? LocateArgument(AttributeData attribute, int index, CancellationToken cancellation)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) is not AttributeSyntax syntax) return null;
        return syntax.ArgumentList is { } list && list.Arguments.Count > index ? list.Arguments[index].GetLocation() : syntax.GetLocation();
    }
}
