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

    [Fact]
    public void SweepOverRangesWithZippedAxesAndAnExclusion()
    {
        var output = TestHelper.Run("""
            using GrokDsl;

            namespace Lab;

            [Experiment("learning-rate-sweep", Source = "Power et al. 2022, figure 4")]
            public sealed partial record LearningRateSweep
            {
                public ModularArithmetic Data { get; init; } = new();
                public Mlp Model { get; init; } = new();
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };

                [SweepRange(0, 2)] public int Seed { get; init; }

                [SweepLogRange(1e-4, 1e-2, 3, Zip = "schedule")]
                public double LearningRate { get => Optimizer.LearningRate; init => Optimizer = Optimizer with { LearningRate = value }; }

                [Sweep(100, 10, 1, Zip = "schedule")]
                public int Warmup { get; init; }

                [SweepRange(0.2, 0.6, 0.2)]
                public double TrainFraction { get => Data.TrainFraction; init => Data = Data with { TrainFraction = value }; }

                // One seed is enough where the learning rate is known not to grok.
                [SweepExclusion] bool RedundantSeed() => LearningRate < 1e-3 && Seed > 0;
            }
            """);

        TestHelper.MatchSnapshot(output.SingleSource());
    }
}
