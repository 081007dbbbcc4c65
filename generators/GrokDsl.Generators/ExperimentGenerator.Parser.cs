using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GrokDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GrokDsl.Generators;

public sealed partial class ExperimentGenerator
{
    /// <summary>Turns an attributed record into an <see cref="ExperimentSpec"/>, or null when it cannot be generated.</summary>
    internal static class Parser
    {
        static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        public static ExperimentSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellation)
        {
            // A record class at namespace level and not generic: the only shape the emitted `partial record` can extend.
            if (context.TargetSymbol is not INamedTypeSymbol { IsRecord: true, TypeKind: TypeKind.Class, ContainingType: null, Arity: 0 } type) return null;
            if (!((RecordDeclarationSyntax)context.TargetNode).Modifiers.Any(m => m.ValueText == "partial")) return null;

            var attribute = context.Attributes[0];
            // An id that is no valid id (GROK0014) would name a folder outside the run store.
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string id || !GrokDsl.Validation.IdRules.IsValid(id)) return null;
            var source = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Source").Value.Value as string;

            var properties = new List<PropertySpec>();
            var axes = new List<SweepAxisSpec>();
            foreach (var property in InstanceProperties(type))
            {
                cancellation.ThrowIfCancellationRequested();
                var described = Describe(property);
                properties.Add(described);
                if (SweepAxes.Read(property, described.TypeName, context.SemanticModel.Compilation, cancellation, out var convertible) is { } axis) axes.Add(axis);
                // A value the generated array could not hold (GROK0005): emitting it would add compiler errors in generated code.
                if (!convertible) return null;
            }

            var spec = new ExperimentSpec(
                type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                type.Name,
                SyntaxFacts(type.DeclaredAccessibility),
                id,
                source,
                properties.ToEquatableArray(),
                axes.ToEquatableArray(),
                SweepExclusions(type));

            // The pipeline cannot run without data, a model and an optimizer, nor pair zipped axes of
            // different lengths; the analyzers report which.
            return spec.Find(PropertyRole.Dataset) is null || spec.Find(PropertyRole.Model) is null || spec.Find(PropertyRole.Optimizer) is null
                   || spec.SweepGroups().Any(static group => group.Select(static axis => axis.Values.Count).Distinct().Count() > 1)
                ? null
                : spec;
        }

        // Public instance properties with a getter, base records first, in declaration order. An override or
        // `new` redeclaration keeps the base's position but is described by the most derived declaration,
        // which is the one `with` assigns and whose [Sweep] counts.
        static IEnumerable<IPropertySymbol> InstanceProperties(INamedTypeSymbol type)
        {
            var chain = new List<INamedTypeSymbol>();
            for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType) chain.Add(t);

            var mostDerived = new Dictionary<string, IPropertySymbol>();
            foreach (var t in chain)
                foreach (var property in DeclaredProperties(t))
                    if (!mostDerived.ContainsKey(property.Name)) mostDerived.Add(property.Name, property);

            var seen = new HashSet<string>();
            for (var i = chain.Count - 1; i >= 0; i--)
                foreach (var property in DeclaredProperties(chain[i]))
                    if (seen.Add(property.Name)) yield return mostDerived[property.Name];
        }

        static IEnumerable<IPropertySymbol> DeclaredProperties(INamedTypeSymbol type) =>
            type.GetMembers().OfType<IPropertySymbol>().Where(static p =>
                p is { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } && p.Name != "EqualityContract");

        static PropertySpec Describe(IPropertySymbol property)
        {
            var typeName = property.Type.ToDisplayString(TypeFormat);
            var component = property.Type.GetAttributes()
                .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.ComponentAttribute);
            if (component is { ConstructorArguments.Length: 2 } && component.ConstructorArguments[1].Value is string componentId)
            {
                var role = component.ConstructorArguments[0].Value switch
                {
                    0 => PropertyRole.Dataset,
                    1 => PropertyRole.Model,
                    _ => PropertyRole.Setting,
                };
                return new PropertySpec(property.Name, typeName, role, componentId);
            }

            var metadataName = property.Type.ToDisplayString();
            var plainRole = metadataName switch
            {
                _ when DerivesFrom(property.Type, KnownNames.OptimizerOptions) => PropertyRole.Optimizer,
                KnownNames.Training => PropertyRole.Training,
                KnownNames.Stopping => PropertyRole.Stopping,
                _ when property.Name == KnownNames.SeedProperty && property.Type.SpecialType == SpecialType.System_Int32 => PropertyRole.Seed,
                _ when property.Name == KnownNames.MeasuresProperty && IsMeasureSequence(property.Type) => PropertyRole.Measures,
                _ => PropertyRole.Setting,
            };
            return new PropertySpec(property.Name, typeName, plainRole, null);
        }

        // Parameterless bool instance methods marked [SweepExclusion], base records first.
        static EquatableArray<string> SweepExclusions(INamedTypeSymbol type)
        {
            var chain = new List<INamedTypeSymbol>();
            for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType) chain.Insert(0, t);
            return chain
                .SelectMany(static t => t.GetMembers().OfType<IMethodSymbol>())
                .Where(m => m is { IsStatic: false, Parameters.Length: 0, Arity: 0, ReturnType.SpecialType: SpecialType.System_Boolean }
                            && (m.DeclaredAccessibility != Accessibility.Private || SymbolEqualityComparer.Default.Equals(m.ContainingType, type))
                            && m.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == KnownNames.SweepExclusionAttribute))
                .Select(static m => m.Name)
                .Distinct()
                .ToEquatableArray();
        }

        static bool DerivesFrom(ITypeSymbol type, string baseName)
        {
            for (var t = type; t is not null; t = t.BaseType)
                if (t.ToDisplayString() == baseName) return true;
            return false;
        }

        // Measures are ids (IEnumerable<string>) or ids and options records mixed (IEnumerable<object>);
        // ComponentRef.Measures has an overload for each.
        static bool IsMeasureSequence(ITypeSymbol type) =>
            type.AllInterfaces.Concat(type is INamedTypeSymbol named ? [named] : [])
                .Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                          && ((INamedTypeSymbol)i).TypeArguments[0].SpecialType is SpecialType.System_String or SpecialType.System_Object);

        static string SyntaxFacts(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Public => "public",
            _ => "internal",
        };
    }
}
