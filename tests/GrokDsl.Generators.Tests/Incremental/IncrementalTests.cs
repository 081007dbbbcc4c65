using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokDsl.Generators.Tests.Incremental;

/// <summary>Which edits make the generator redo work. Typing elsewhere must never regenerate an experiment.</summary>
public sealed class IncrementalTests
{
    const string Experiment = """
        using GrokDsl;
        namespace Lab;

        [Experiment("mod-add")]
        public sealed partial record ModAdd
        {
            public ModularArithmetic Data { get; init; } = new();
            public Mlp Model { get; init; } = new();
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            [Sweep(0, 1)] public int Seed { get; init; }
        }
        """;

    const string Unrelated = """
        namespace Lab;

        public static class Helpers
        {
            public static int Twice(int x) => 2 * x;
        }
        """;

    [Fact]
    public void RerunOnIdenticalCompilation_CachesEveryTrackedStep()
    {
        var compilation = TestHelper.Compile(Experiment);
        var driver = TestHelper.CreateDriver().RunGenerators(compilation);

        Cacheability.AssertRerunIsCached(driver, compilation);

        // The harness proves nothing about a step that never ran.
        var result = driver.GetRunResult().Results.Single();
        foreach (var name in Cacheability.TrackingNames)
            Assert.NotEmpty(Cacheability.Steps(result, name).SelectMany(static step => step.Outputs));
    }

    [Fact]
    public void EditingUnrelatedFile_DoesNotRegenerateExperiment()
    {
        var compilation = TestHelper.Compile(Experiment, Unrelated);
        var driver = TestHelper.CreateDriver().RunGenerators(compilation);

        var unrelated = compilation.SyntaxTrees.Single(static tree => tree.ToString().Contains("Helpers", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(unrelated, TestHelper.Parse(Unrelated.Replace("2 * x", "x + x", StringComparison.Ordinal), unrelated.FilePath));
        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(rerun, TrackingNames.ValidExperimentSpecs, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(rerun, TrackingNames.ExperimentSpecs, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void EditingTheExperimentFileOutsideTheRecord_KeepsTheModelUnchanged()
    {
        var compilation = TestHelper.Compile(Experiment);
        var driver = TestHelper.CreateDriver().RunGenerators(compilation);

        // The parser re-runs for the edited file, but an equal model stops the pipeline there.
        var tree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(tree, TestHelper.Parse(Experiment + "\n// a note\npublic sealed record Other;\n", tree.FilePath));
        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(rerun, TrackingNames.ExperimentSpecs, IncrementalStepRunReason.Unchanged);
        AssertReasons(rerun, TrackingNames.ValidExperimentSpecs, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void EditingTheExperiment_RegeneratesIt()
    {
        var compilation = TestHelper.Compile(Experiment);
        var driver = TestHelper.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(tree, TestHelper.Parse(Experiment.Replace("[Sweep(0, 1)]", "[Sweep(0, 1, 2)]", StringComparison.Ordinal), tree.FilePath));
        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(rerun, TrackingNames.ExperimentSpecs, IncrementalStepRunReason.Modified);
        AssertReasons(rerun, TrackingNames.ValidExperimentSpecs, IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void EditingAnExclusionsBody_KeepsTheModelUnchanged()
    {
        // The model holds the exclusion's name, not its body: the generated call stays the same.
        var withExclusion = Experiment.Replace("[Sweep(0, 1)] public int Seed { get; init; }",
            "[Sweep(0, 1)] public int Seed { get; init; }\n    [SweepExclusion] bool Skip() => Seed > 0;", StringComparison.Ordinal);
        var compilation = TestHelper.Compile(withExclusion);
        var driver = TestHelper.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(tree, TestHelper.Parse(withExclusion.Replace("Seed > 0", "Seed > 1", StringComparison.Ordinal), tree.FilePath));
        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(rerun, TrackingNames.ExperimentSpecs, IncrementalStepRunReason.Unchanged);
        AssertReasons(rerun, TrackingNames.ValidExperimentSpecs, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void ObjectGraphWalk_FailsOnRoslynObjects()
    {
        var symbol = TestHelper.Compile(Experiment).GetTypeByMetadataName("Lab.ModAdd")!;

        Assert.Contains("holds a Location", Fails(new Holder("x", [Location.None])), StringComparison.Ordinal);
        Assert.Contains("holds a ISymbol", Fails(new Holder("x", [symbol])), StringComparison.Ordinal);
        Assert.Contains("holds a SyntaxNode", Fails(SyntaxFactory.IdentifierName("x")), StringComparison.Ordinal);
        Cacheability.AssertHoldsNoRoslynObjects(new Holder("x", ["plain", 1, new[] { 2.0 }]), "test");
    }

    [Fact]
    public void Harness_FailsOnAPipelineThatCarriesSymbols()
    {
        var compilation = TestHelper.Compile(Experiment);
        var driver = CSharpGeneratorDriver.Create(
                [new SymbolCarryingGenerator().AsSourceGenerator()],
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
            .RunGenerators(compilation);

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Cacheability.AssertRerunIsCached(driver, compilation));
        Assert.Contains("holds a ISymbol", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrackingNames_AreReadFromTheGenerator()
    {
        Assert.Equal([TrackingNames.ExperimentSpecs, TrackingNames.ValidExperimentSpecs], Cacheability.TrackingNames);
    }

    sealed record Holder(string Name, IReadOnlyList<object> Items);

    static string Fails(object model) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Cacheability.AssertHoldsNoRoslynObjects(model, "test")).Message;

    // What the harness exists to catch: a step named like the real one whose output is a symbol.
    sealed class SymbolCarryingGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var symbols = context.SyntaxProvider
                .ForAttributeWithMetadataName("GrokDsl.ExperimentAttribute", static (_, _) => true, static (syntax, _) => syntax.TargetSymbol)
                .WithTrackingName(TrackingNames.ExperimentSpecs);
            context.RegisterSourceOutput(symbols, static (_, _) => { });
        }
    }

    static void AssertReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = Cacheability.Steps(result, step).SelectMany(static s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Contains(output.Reason, allowed));
    }
}
