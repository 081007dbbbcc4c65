namespace GrokDsl.Generators.Tests.Emitting;

/// <summary>
/// One snapshot per DSL shape the emitter treats differently. The snapshots are the generated files
/// verbatim (see the README for accepting a change).
/// </summary>
public sealed class ExperimentEmitterTests
{
    [Fact]
    public void DefaultExperiment()
    {
        var output = TestHelper.Run("""
            namespace GrokDsl.Experiments;

            [Experiment("modular-addition", Source = "Power et al. 2022, arXiv:2201.02177")]
            public sealed partial record ModularAddition
            {
                public ModularArithmetic Data { get; init; } = new() { Modulus = 97, Operation = "a+b", TrainFraction = 0.5 };
                public Mlp Model { get; init; } = new() { EmbeddingWidth = 64, HiddenWidth = 256 };
                public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 1.0 };
                public Training Training { get; init; } = new() { EvaluateEvery = 10 };
                public Stopping Stopping { get; init; } = new() { MaxSteps = 10_000 };
                public int Seed { get; init; }
                public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];
            }
            """);

        TestHelper.MatchSnapshot(output.SingleSource());
    }

    [Fact]
    public void SweepOverAxesOfSeveralTypes()
    {
        var output = TestHelper.Run("""
            using GrokDsl;

            namespace Lab;

            [Experiment("weight-decay-sweep", Source = "Nanda et al. 2023")]
            public sealed partial record WeightDecaySweep
            {
                public ModularArithmetic Data { get; init; } = new();
                public Mlp Model { get; init; } = new();
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };

                [Sweep(0, 1, 2)] public int Seed { get; init; }

                [Sweep(0.1, 0.3, 1.0)]
                public double WeightDecay { get => Optimizer.WeightDecay; init => Optimizer = Optimizer with { WeightDecay = value }; }

                [Sweep("a+b", "a-b", "a\\b")]
                public string Operation { get => Data.Operation; init => Data = Data with { Operation = value }; }
            }
            """);

        TestHelper.MatchSnapshot(output.SingleSource());
    }

    [Fact]
    public void ExperimentInGlobalNamespace()
    {
        var output = TestHelper.Run("""
            using GrokDsl;

            [Experiment("global")]
            internal sealed partial record GlobalExperiment
            {
                public ModularArithmetic Data { get; init; } = new();
                public Mlp Model { get; init; } = new();
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            }
            """);

        TestHelper.MatchSnapshot(output.SingleSource());
    }

    [Fact]
    public void ExperimentInheritingFromBaseRecord()
    {
        var output = TestHelper.Run("""
            using GrokDsl;

            namespace Lab;

            public abstract record ModularBaseline
            {
                public ModularArithmetic Data { get; init; } = new() { Modulus = 113 };
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
                public int Seed { get; init; } = 7;
            }

            [Experiment("wide-mlp", Source = "Base settings shared with other experiments")]
            public sealed partial record WideMlp : ModularBaseline
            {
                public Mlp Model { get; init; } = new() { HiddenWidth = 1024 };
                [Sweep(64, 128)] public int Width { get; init; } = 64;
            }
            """);

        TestHelper.MatchSnapshot(output.SingleSource());
    }

    [Fact]
    public void ExperimentWithoutOptionalProperties()
    {
        var output = TestHelper.Run("""
            using GrokDsl;

            namespace Lab;

            [Experiment("minimal")]
            public sealed partial record Minimal
            {
                public ModularArithmetic Data { get; init; } = new();
                public Mlp Model { get; init; } = new();
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            }
            """);

        TestHelper.MatchSnapshot(output.SingleSource());
    }
}
