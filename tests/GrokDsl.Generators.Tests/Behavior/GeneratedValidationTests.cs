namespace GrokDsl.Generators.Tests.Behavior;

/// <summary>The generated Validate(): the analyzers' rules applied to values only known at run time.</summary>
public sealed class GeneratedValidationTests
{
    [Fact]
    public void ValuesComputedAtRunTime_AreCheckedAgainstTheirRecordsRules()
    {
        var experiment = Assert.Single(TestHelper.LoadExperiments("""
            using GrokDsl;
            namespace Lab;

            [Experiment("invalid-at-run-time")]
            public sealed partial record InvalidAtRunTime
            {
                static int Parsed(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

                public ModularArithmetic Data { get; init; } = new() { Modulus = Parsed("1") };
                public Transformer Model { get; init; } = new() { Width = Parsed("130"), Heads = 4 };
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            }
            """));

        Assert.Equal(
            ["Data.Modulus is 1 but must be >= 2", "Model.Width is 130 but must be a multiple of Model.Heads (4)"],
            experiment.Validate().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tf32WithFloat64_IsRejected_NamingBothSettings()
    {
        var experiment = Assert.Single(TestHelper.LoadExperiments("""
            using GrokDsl;
            namespace Lab;

            [Experiment("tf32-float64")]
            public sealed partial record Tf32WithFloat64
            {
                public ModularArithmetic Data { get; init; } = new();
                public Mlp Model { get; init; } = new();
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
                public Training Training { get; init; } = new() { Precision = Precision.Float64 };
                [Sweep(false, true)]
                public bool AllowTf32 { get => Training.AllowTf32; init => Training = Training with { AllowTf32 = value }; }
            }
            """));

        var problems = experiment.ExpandSweep().Select(static run => run.Validate()).ToList();

        Assert.Empty(problems[0]);
        Assert.Equal(
            ["Training.AllowTf32 is true but Training.Precision is Float64: TF32 only changes float32 matrix products; drop one of them"],
            problems[1]);
    }

    [Fact]
    public void AValidExperiment_HasNoProblems_InAnyRunOfItsSweep()
    {
        var experiment = Assert.Single(TestHelper.LoadExperiments("""
            using GrokDsl;
            namespace Lab;

            [Experiment("valid")]
            public sealed partial record Valid
            {
                public ModularArithmetic Data { get; init; } = new() { Modulus = 97, TrainFraction = 0.3 };
                public Transformer Model { get; init; } = new() { Width = 128, Heads = 4 };
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
                [SweepRange(0.1, 0.9, 0.4)]
                public double TrainFraction { get => Data.TrainFraction; init => Data = Data with { TrainFraction = value }; }
            }
            """));

        Assert.All(experiment.ExpandSweep(), static run => Assert.Empty(run.Validate()));
    }
}
