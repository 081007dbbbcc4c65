using System.Collections.Generic;
using System.Globalization;
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
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string id) return null;
            var source = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Source").Value.Value as string;

            var properties = new List<PropertySpec>();
            var axes = new List<SweepAxisSpec>();
            foreach (var property in InstanceProperties(type))
            {
                cancellation.ThrowIfCancellationRequested();
                properties.Add(Describe(property));
                if (SweepAxis(property) is { } axis) axes.Add(axis);
            }

            var spec = new ExperimentSpec(
                type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                type.Name,
                SyntaxFacts(type.DeclaredAccessibility),
                id,
                source,
                properties.ToEquatableArray(),
                axes.ToEquatableArray());

            // The pipeline cannot run without data, a model and an optimizer; the analyzers report which is missing.
            return spec.Find(PropertyRole.Dataset) is null || spec.Find(PropertyRole.Model) is null || spec.Find(PropertyRole.Optimizer) is null
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

        static SweepAxisSpec? SweepAxis(IPropertySymbol property)
        {
            var sweep = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.SweepAttribute);
            if (sweep is null || sweep.ConstructorArguments.Length != 1 || property.SetMethod is null) return null;

            // [Sweep(null)] passes a null array rather than one null value.
            var argument = sweep.ConstructorArguments[0];
            if (argument.Kind != TypedConstantKind.Array || argument.IsNull) return null;

            var values = argument.Values.Select(Literal).ToEquatableArray();
            return values.Count == 0 ? null : new SweepAxisSpec(property.Name, property.Type.ToDisplayString(TypeFormat), values);
        }

        // ToCSharpString drops the F suffix of floats and writes non-finite values as bare words (NaN, Infinity).
        static string Literal(TypedConstant value) => value.Value switch
        {
            float f when float.IsNaN(f) => "float.NaN",
            float f when float.IsInfinity(f) => f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity",
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
            double d when double.IsNaN(d) => "double.NaN",
            double d when double.IsInfinity(d) => d > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity",
            _ => value.ToCSharpString(),
        };

        static string SyntaxFacts(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Public => "public",
            _ => "internal",
        };
    }
}
