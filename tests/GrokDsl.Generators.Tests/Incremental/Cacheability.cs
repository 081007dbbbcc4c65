using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace GrokDsl.Generators.Tests.Incremental;

/// <summary>
/// The cacheability harness: a second run on an identical compilation must reuse every tracked step,
/// and no step may hold a Roslyn object that pins a compilation (which would defeat caching and leak
/// memory in the IDE). Every generator test runs it through <see cref="TestHelper.Run"/>.
/// </summary>
internal static class Cacheability
{
    static readonly Type[] Banned = [typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree)];

    /// <summary>Every step the generator names, found by reflection so a new step is covered without editing tests.</summary>
    public static IReadOnlyList<string> TrackingNames { get; } =
    [
        .. typeof(GrokDsl.Generators.TrackingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static field => field is { IsLiteral: true } && field.FieldType == typeof(string))
            .Select(static field => (string)field.GetRawConstantValue()!),
    ];

    public static void AssertRerunIsCached(GeneratorDriver driver, Compilation compilation)
    {
        var first = driver.GetRunResult().Results.Single();
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        foreach (var name in TrackingNames)
        {
            var before = Steps(first, name);
            var after = Steps(second, name);
            Assert.True(before.Length == after.Length, $"Step '{name}' ran {before.Length} times, then {after.Length} times.");

            for (var i = 0; i < after.Length; i++)
            {
                // Symbols first: they also break equality, and this failure names the cause.
                foreach (var (value, _) in after[i].Outputs) AssertHoldsNoRoslynObjects(value, name);

                Assert.True(Values(before[i]).SequenceEqual(Values(after[i])),
                    $"Step '{name}' produced different outputs on an identical compilation; its model lacks value equality.");
                foreach (var (_, reason) in after[i].Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{name}' re-ran on an identical compilation: {reason}.");
            }
        }
    }

    public static IncrementalGeneratorRunStep[] Steps(GeneratorRunResult result, string name) =>
        result.TrackedSteps.TryGetValue(name, out var steps) ? [.. steps] : [];

    static object[] Values(IncrementalGeneratorRunStep step) => [.. step.Outputs.Select(static output => output.Value)];

    /// <summary>Walks fields and collections of a step output and fails on any symbol, node, location or compilation.</summary>
    public static void AssertHoldsNoRoslynObjects(object value, string stepName)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(value, stepName);

        void Walk(object? node, string path)
        {
            if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || node is Type) return;
            if (!node.GetType().IsValueType && !visited.Add(node)) return;

            var banned = Banned.FirstOrDefault(type => type.IsInstanceOfType(node));
            Assert.True(banned is null, $"{path} holds a {banned?.Name} ({node.GetType().Name}); models must hold plain data only.");

            // Reference collections only: value-type ones (ImmutableArray) are walked through their backing array field.
            if (node is IEnumerable items && !node.GetType().IsValueType)
            {
                var index = 0;
                foreach (var item in items) Walk(item, $"{path}[{index++}]");
            }

            for (var type = node.GetType(); type is not null; type = type.BaseType)
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    if (!field.FieldType.IsPointer) Walk(field.GetValue(node), $"{path}.{field.Name}");
        }
    }
}
