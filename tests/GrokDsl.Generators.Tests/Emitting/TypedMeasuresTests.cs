using System.Reflection;
using GrokDsl.Contracts;

namespace GrokDsl.Generators.Tests.Emitting;

/// <summary>Measures given as ids or as options records reach the run spec, and the run id, with their options.</summary>
public sealed class TypedMeasuresTests
{
    static RunSpec RunSpecOf(string measuresProperty)
    {
        var compilation = TestHelper.Compile($$"""
            using GrokDsl;
            namespace Lab;

            [Experiment("typed-measures")]
            public sealed partial record TypedMeasures
            {
                public ModularArithmetic Data { get; init; } = new();
                public Mlp Model { get; init; } = new();
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
                {{measuresProperty}}
            }
            """);
        TestHelper.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var type = Assembly.Load(image.ToArray()).GetType("Lab.TypedMeasures")!;
        return ((IExperiment)Activator.CreateInstance(type)!).ToRunSpec();
    }

    [Fact]
    public void Options_records_and_ids_mixed_become_measure_references_with_options()
    {
        var spec = RunSpecOf("""public IReadOnlyList<object> Measures { get; init; } = [new Fourier { IprPower = 3 }, "weight-norm"];""");

        Assert.Equal(["fourier", "weight-norm"], spec.Measures.Select(m => m.Id));
        Assert.All(spec.Measures, m => Assert.Equal(ComponentKind.Measure, m.Kind));
        Assert.Equal(3, spec.Measures[0].Options.Bind<Fourier>().IprPower);
        Assert.Equal(ComponentOptions.Empty, spec.Measures[1].Options);
        // The configuration names each record's measure, so equal options of different measures hash apart.
        Assert.Contains("\"Id\": \"fourier\"", spec.Configuration);
        Assert.Contains("\"IprPower\": 3", spec.Configuration);
    }

    [Fact]
    public void Ids_keep_their_plain_configuration()
    {
        var spec = RunSpecOf("""public IReadOnlyList<string> Measures { get; init; } = ["weight-norm", "accuracy"];""");

        Assert.Equal(["weight-norm", "accuracy"], spec.Measures.Select(m => m.Id));
        Assert.Contains("\"Measures\": [\n    \"weight-norm\",\n    \"accuracy\"\n  ]", spec.Configuration.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Different_options_of_one_measure_give_different_run_ids()
    {
        var three = RunSpecOf("""public IReadOnlyList<object> Measures { get; init; } = [new Fourier { IprPower = 3 }];""");
        var two = RunSpecOf("""public IReadOnlyList<object> Measures { get; init; } = [new Fourier { IprPower = 2 }];""");

        Assert.NotEqual(three.RunId, two.RunId);
    }
}
