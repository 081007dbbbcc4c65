using GrokDsl.Overrides;

namespace GrokDsl.Generators.Tests.Behavior;

/// <summary><c>--set</c> and <c>--sweep</c> bound to a generated experiment with its own types and ranges.</summary>
public sealed class OverrideTests
{
    static readonly Lazy<IExperiment> Experiment = new(() => Assert.Single(TestHelper.LoadExperiments("""
        using GrokDsl;
        namespace Lab;

        [Experiment("overrides")]
        public sealed partial record Overridable
        {
            public ModularArithmetic Data { get; init; } = new() { TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new();
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new();
            [Sweep(0, 1)] public int Seed { get; init; }
        }
        """)));

    static IReadOnlyList<RunSpec> Runs(string[] sets, string[] sweeps) =>
        [.. ExperimentOverrides.Parse(sets, sweeps).ApplyTo(Experiment.Value).ExpandSweep().Select(static r => r.ToRunSpec())];

    [Fact]
    public void Set_ChangesANestedOptionInEveryRun_AndTheRunIds()
    {
        var plain = Runs([], []);
        var changed = Runs(["Optimizer.WeightDecay=0.3", "training.loss=mse"], []);

        Assert.Equal([0, 1], changed.Select(static r => r.Seed));
        Assert.All(changed, static r => Assert.Equal(0.3, r.Optimizer.WeightDecay));
        Assert.All(changed, static r => Assert.Equal(LossFunction.Mse, r.Training.Loss));
        Assert.All(changed, static r => Assert.Contains("\"WeightDecay\": 0.3", r.Configuration, StringComparison.Ordinal));
        Assert.Empty(plain.Select(static r => r.RunId).Intersect(changed.Select(static r => r.RunId)));
        Assert.All(plain, static r => Assert.Equal(1.0, r.Optimizer.WeightDecay));
    }

    [Fact]
    public void SetAllowTf32_IsRecordedInTheConfiguration_WhichLeavesItOutWhileFalse()
    {
        var plain = Runs([], []);
        var tf32 = Runs(["Training.AllowTf32=true"], []);

        Assert.All(tf32, static r => Assert.True(r.Training.AllowTf32));
        Assert.All(tf32, static r => Assert.Contains("\"AllowTf32\": true", r.Configuration, StringComparison.Ordinal));
        Assert.All(plain, static r => Assert.DoesNotContain("AllowTf32", r.Configuration, StringComparison.Ordinal));
        Assert.Empty(plain.Select(static r => r.RunId).Intersect(tf32.Select(static r => r.RunId)));
    }

    [Fact]
    public void Sweep_ReplacesADeclaredAxis_AndMultipliesTheRest()
    {
        var runs = Runs([], ["Seed=0..2", "Optimizer.LearningRate=1e-4..1e-2:log3"]);

        Assert.Equal(
            ["0 0.0001", "0 0.001", "0 0.01", "1 0.0001", "1 0.001", "1 0.01", "2 0.0001", "2 0.001", "2 0.01"],
            runs.Select(static r => $"{r.Seed} {r.Optimizer.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.Equal(9, runs.Select(static r => r.RunId).Distinct().Count());
    }

    [Fact]
    public void Set_WinsOverASweptSetting_AndDuplicatesCollapse()
    {
        var runs = Runs(["Seed=7"], ["Data.TrainFraction=0.3,0.5"]);

        Assert.Equal([(7, 0.3), (7, 0.5)], runs.Select(static r => (r.Seed, TrainFraction(r))));
    }

    [Theory]
    [InlineData("Optimizer.WeightDecy=0.3", "--set 'Optimizer.WeightDecy': AdamW has no setting 'WeightDecy'")]
    [InlineData("Optimizer.WeightDecay=abc", "--set 'Optimizer.WeightDecay': 'abc' is not a valid double")]
    [InlineData("Data.TrainFraction=1.5", "--set 'Data.TrainFraction' is 1.5 but must be in (0, 1)")]
    [InlineData("Optimizer.LearningRate=-1", "--set 'Optimizer.LearningRate' is -1 but must be > 0")]
    [InlineData("Training.Loss=hinge", "--set 'Training.Loss': 'hinge' is not one of")]
    [InlineData("Training.AllowTf32=yes", "--set 'Training.AllowTf32': 'yes' is not a valid bool (true or false)")]
    [InlineData("Seed.Value=1", "--set 'Seed.Value': Overridable.Seed is not a record")]
    [InlineData("Seed", "--set 'Seed': write PATH=VALUE")]
    public void BadSet_IsRejectedBeforeAnythingRuns_WithTheProblemNamed(string set, string message)
    {
        var error = Assert.Throws<OverrideException>(() => ExperimentOverrides.Parse([set], []).ApplyTo(Experiment.Value));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Seed=9..0", "--sweep Seed=9..0: the range has no values")]
    [InlineData("Seed=0..x", "--sweep Seed=0..x: 'x' is not a number")]
    [InlineData("Seed=0..1:0.5", "--sweep 'Seed': '0.5' is not a valid int")]
    [InlineData("Data.TrainFraction=0.5,2", "--sweep 'Data.TrainFraction' is 2 but must be in (0, 1)")]
    public void BadSweep_IsRejected_WithTheProblemNamed(string sweep, string message)
    {
        var error = Assert.Throws<OverrideException>(() => ExperimentOverrides.Parse([], [sweep]).ApplyTo(Experiment.Value));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    static double TrainFraction(RunSpec run) =>
        System.Text.Json.JsonDocument.Parse(run.Dataset.Options.Json).RootElement.GetProperty("TrainFraction").GetDouble();
}
