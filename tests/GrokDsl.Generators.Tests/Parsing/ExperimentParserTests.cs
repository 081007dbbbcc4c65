using GrokDsl.Generators.Model;

namespace GrokDsl.Generators.Tests.Parsing;

/// <summary>What the parser makes of a record: the model it builds, or nothing when the record cannot be generated.</summary>
public sealed class ExperimentParserTests
{
    // The three properties every experiment needs; tests add the rest.
    const string Components = """
            public ModularArithmetic Data { get; init; } = new();
            public Mlp Model { get; init; } = new();
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
        """;

    [Fact]
    public void ValidExperiment_IsParsedIntoItsModel()
    {
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("mod-add", Source = "arXiv:2201.02177")]
            public sealed partial record ModAdd
            {
            {{Components}}
                public Training Training { get; init; } = new();
                public Stopping Stopping { get; init; } = new();
                public int Seed { get; init; }
                public string[] Measures { get; init; } = ["weight-norm"];
                public int Steps { get; init; } = 100;
            }
            """).Specs());

        Assert.Equal(("Lab", "ModAdd", "public", "mod-add", "arXiv:2201.02177"), (spec.Namespace, spec.TypeName, spec.Accessibility, spec.Id, spec.Source));
        Assert.Equal("Lab.ModAdd.g.cs", spec.HintName);
        Assert.Equal(
            [
                new PropertySpec("Data", "global::GrokDsl.ModularArithmetic", PropertyRole.Dataset, "modular-arithmetic"),
                new PropertySpec("Model", "global::GrokDsl.Mlp", PropertyRole.Model, "mlp"),
                new PropertySpec("Optimizer", "global::GrokDsl.AdamW", PropertyRole.Optimizer, null),
                new PropertySpec("Training", "global::GrokDsl.Training", PropertyRole.Training, null),
                new PropertySpec("Stopping", "global::GrokDsl.Stopping", PropertyRole.Stopping, null),
                new PropertySpec("Seed", "int", PropertyRole.Seed, null),
                new PropertySpec("Measures", "string[]", PropertyRole.Measures, null),
                new PropertySpec("Steps", "int", PropertyRole.Setting, null),
            ],
            spec.Properties);
        Assert.Empty(spec.SweepAxes);
    }

    [Fact]
    public void GlobalNamespace_HasNoNamespaceAndAShortHintName()
    {
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;

            [Experiment("top")]
            partial record Top
            {
            {{Components}}
            }
            """).Specs());

        Assert.Equal((null, "internal", null, "Top.g.cs"), (spec.Namespace, spec.Accessibility, spec.Source, spec.HintName));
    }

    [Theory]
    [InlineData("public sealed record NotPartial")]
    [InlineData("public sealed partial class NotARecord")]
    [InlineData("public partial record Generic<T>")]
    [InlineData("public static partial class Outer { [Experiment(\"nested\")] public partial record Nested")]
    public void RecordTheGeneratorCannotExtend_ProducesNoOutput(string declaration)
    {
        var closing = declaration.Contains("Outer", StringComparison.Ordinal) ? "}}" : "}";
        var result = TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("skipped")]
            {{declaration}}
            {
            {{Components}}
            {{closing}}
            """);

        Assert.Empty(result.Specs());
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void RecordStruct_ProducesNoOutput()
    {
        // The compiler already rejects [Experiment] on a struct (CS0592); the generator must not add errors of its own.
        var compilation = TestHelper.Compile("""
            using GrokDsl;
            namespace Lab;

            [Experiment("struct")]
            public partial record struct RecordStruct(ModularArithmetic Data, Mlp Model, AdamW Optimizer);
            """);

        var result = TestHelper.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
    }

    // GROK0014 reports these; generating them would name run folders outside the run store.
    [Theory]
    [InlineData("../../x")]
    [InlineData("/tmp/abs")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    public void ExperimentWithAnInvalidId_ProducesNoOutput(string id)
    {
        var result = TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("{{id}}")]
            public sealed partial record BadId
            {
            {{Components}}
            }
            """);

        Assert.Empty(result.GeneratedSources);
    }

    // GROK0005 reports these; generating `new int[] { 97, "113" }` would add compiler errors located in generated code.
    [Theory]
    [InlineData("[Sweep(97, \"113\")] public int Modulus { get; init; }")]
    [InlineData("[Sweep(0.5, 1.0)] public float Scale { get; init; }")]
    [InlineData("[SweepRange(0.1, 0.5, 0.1)] public int Width { get; init; }")]
    public void SweepValueThatDoesNotConvert_ProducesNoOutput(string property)
    {
        // TestHelper.Run asserts that what is generated compiles, which is what failed before.
        var result = TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("mismatch")]
            public sealed partial record Mismatch
            {
            {{Components}}
                {{property}}
            }
            """);

        Assert.Empty(result.GeneratedSources);
    }

    [Theory]
    [InlineData("Data")]
    [InlineData("Model")]
    [InlineData("Optimizer")]
    public void ExperimentLackingARequiredComponent_ProducesNoOutput(string missing)
    {
        var properties = string.Join("\n", Components.Split('\n').Where(line => !line.Contains($" {missing} ", StringComparison.Ordinal)));
        var result = TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("incomplete")]
            public sealed partial record Incomplete
            {
            {{properties}}
            }
            """);

        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void SweepAxes_KeepDeclarationOrderAndValueOrder()
    {
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("sweep")]
            public sealed partial record Sweeping
            {
            {{Components}}
                [Sweep(3, 1, 2)] public int Seed { get; init; }
                public int NotSwept { get; init; }
                [Sweep(1e-3, 0.5)] public double Rate { get; init; }
                [Sweep("b", "a")] public string Label { get; init; } = "";
            }
            """).Specs());

        Assert.Equal(
            [
                new SweepAxisSpec("Seed", "int", new[] { "3", "1", "2" }.ToEquatableArray()),
                new SweepAxisSpec("Rate", "double", new[] { "0.001", "0.5" }.ToEquatableArray()),
                new SweepAxisSpec("Label", "string", new[] { "\"b\"", "\"a\"" }.ToEquatableArray()),
            ],
            spec.SweepAxes);
    }

    [Fact]
    public void SweepValues_AreWrittenAsLiteralsOfTheirOwnType()
    {
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            public enum Norm { Layer, Batch }

            [Experiment("literals")]
            public sealed partial record Literals
            {
            {{Components}}
                [Sweep(1.5f, float.NaN, float.NegativeInfinity)] public float Scale { get; init; }
                [Sweep(1e-3, double.PositiveInfinity)] public double Rate { get; init; }
                [Sweep(Norm.Batch, Norm.Layer)] public Norm Normalization { get; init; }
                [Sweep(3000000000L, 'x')] public long Big { get; init; }
                [Sweep(1, null)] public int? Maybe { get; init; }
            }
            """).Specs());

        Assert.Equal(
            [
                ["1.5F", "float.NaN", "float.NegativeInfinity"],
                ["0.001", "double.PositiveInfinity"],
                ["Lab.Norm.Batch", "Lab.Norm.Layer"],
                ["3000000000", "'x'"],
                ["1", "null"],
            ],
            spec.SweepAxes.Select(static a => a.Values.ToArray()));
    }

    [Fact]
    public void SweepAxesNamedLikeTheGeneratedLocals_StillCompile()
    {
        // TestHelper.Run fails on generated code that does not compile; `runs` is the emitter's own local.
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("names")]
            public sealed partial record Names
            {
            {{Components}}
                [Sweep(1, 2)] public int Runs { get; init; }
                [Sweep(1, 2)] public int Class { get; init; }
            }
            """).Specs());

        Assert.Equal(["Runs", "Class"], spec.SweepAxes.Select(static a => a.PropertyName));
    }

    [Theory]
    [InlineData("[Sweep(1, 2)] public int ReadOnly => 1;")]
    [InlineData("[Sweep] public int Empty { get; init; }")]
    [InlineData("[Sweep(null)] public string? Nothing { get; init; }")]
    public void SweepThatCannotExpand_IsNotAnAxis(string property)
    {
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("bad-sweep")]
            public sealed partial record BadSweep
            {
            {{Components}}
                {{property}}
            }
            """).Specs());

        Assert.Empty(spec.SweepAxes);
    }

    [Fact]
    public void BaseRecordProperties_ComeFirst_AndOverridesAppearOnce()
    {
        var spec = Assert.Single(TestHelper.Run("""
            using GrokDsl;
            namespace Lab;

            public abstract record Baseline
            {
                public ModularArithmetic Data { get; init; } = new();
                public virtual int Steps { get; init; } = 10;
            }

            [Experiment("derived")]
            public sealed partial record Derived : Baseline
            {
                public Mlp Model { get; init; } = new();
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
                public override int Steps { get; init; } = 20;
            }
            """).Specs());

        Assert.Equal(["Data", "Steps", "Model", "Optimizer"], spec.Properties.Select(static p => p.Name));
    }

    [Fact]
    public void SweepOnAnOverride_IsAnAxis()
    {
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            public abstract record Baseline
            {
                public virtual int Steps { get; init; } = 10;
            }

            [Experiment("override")]
            public sealed partial record Overriding : Baseline
            {
            {{Components}}
                [Sweep(20, 40)] public override int Steps { get; init; } = 20;
            }
            """).Specs());

        Assert.Equal(["Steps"], spec.SweepAxes.Select(static a => a.PropertyName));
    }

    [Fact]
    public void SeedAndMeasures_NeedTheirExpectedTypes()
    {
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("roles")]
            public sealed partial record Roles
            {
            {{Components}}
                public long Seed { get; init; }
                public int[] Measures { get; init; } = [];
            }
            """).Specs());

        Assert.Null(spec.Find(PropertyRole.Seed));
        Assert.Null(spec.Find(PropertyRole.Measures));
    }

    [Fact]
    public void RangeAxes_AreExpandedAtCompileTime()
    {
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("ranges")]
            public sealed partial record Ranges
            {
            {{Components}}
                [SweepRange(0, 9)] public int Seed { get; init; }
                [SweepRange(10, 0, -5)] public int Down { get; init; }
                [SweepRange(0.1, 0.5, 0.1)] public double Fraction { get; init; }
                [SweepLogRange(1e-4, 1e-1, 4)] public double Rate { get; init; }
            }
            """).Specs());

        Assert.Equal(
            [
                ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
                ["10", "5", "0"],
                ["0.1", "0.2", "0.3", "0.4", "0.5"],
                ["0.0001", "0.001", "0.01", "0.1"],
            ],
            spec.SweepAxes.Select(static a => a.Values.ToArray()));
    }

    [Theory]
    [InlineData("[SweepRange(0, 9, 0)] public int Seed { get; init; }")]
    [InlineData("[SweepRange(9, 0)] public int Seed { get; init; }")]
    [InlineData("[SweepRange(0, 1_000_000)] public int Seed { get; init; }")]
    [InlineData("[SweepLogRange(0.0, 1.0, 3)] public double Rate { get; init; }")]
    [InlineData("[SweepLogRange(1e-3, 1.0, 0)] public double Rate { get; init; }")]
    public void EmptyOrRunawayRange_IsNotAnAxis(string property)
    {
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("bad-range")]
            public sealed partial record BadRange
            {
            {{Components}}
                {{property}}
            }
            """).Specs());

        Assert.Empty(spec.SweepAxes);
    }

    [Fact]
    public void ZippedAxes_FormOneGroupAtTheFirstAxisPosition()
    {
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("zipped")]
            public sealed partial record Zipped
            {
            {{Components}}
                [Sweep(1.0, 2.0, Zip = "pair")] public double A { get; init; }
                [Sweep(1, 2)] public int Seed { get; init; }
                [Sweep("x", "y", Zip = "pair")] public string B { get; init; } = "";
            }
            """).Specs());

        Assert.Equal([["A", "B"], ["Seed"]], spec.SweepGroups().Select(static g => g.Select(static a => a.PropertyName).ToArray()));
        Assert.Equal(["pair", null, "pair"], spec.SweepAxes.Select(static a => a.Zip));
    }

    [Fact]
    public void ZippedAxesOfDifferentLengths_ProduceNoOutput()
    {
        var result = TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("unpaired")]
            public sealed partial record Unpaired
            {
            {{Components}}
                [Sweep(1.0, 2.0, Zip = "pair")] public double A { get; init; }
                [Sweep("x", Zip = "pair")] public string B { get; init; } = "";
            }
            """);

        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void SweepExclusions_AreParameterlessBoolMethodsTheRecordCanCall()
    {
        var spec = Assert.Single(TestHelper.Run($$"""
            using GrokDsl;
            namespace Lab;

            public abstract record Baseline
            {
                [SweepExclusion] protected bool FromBase() => false;
                [SweepExclusion] private bool HiddenInBase() => false;
            }

            [Experiment("exclusions")]
            public sealed partial record Excluding : Baseline
            {
            {{Components}}
                [Sweep(1, 2)] public int Seed { get; init; }
                [SweepExclusion] bool Own() => Seed == 2;
                [SweepExclusion] bool WithParameter(int seed) => seed == 2;
                [SweepExclusion] int NotABool() => 0;
                bool Unmarked() => true;
            }
            """).Specs());

        Assert.Equal(["FromBase", "Own"], spec.SweepExclusions);
    }
}
