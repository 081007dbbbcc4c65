using System.Numerics;
using CsCheck;
using GrokDsl.Overrides;

namespace GrokDsl.Generators.Tests.Behavior;

/// <summary>
/// The sweep size is computed from the axes without expanding them (<see cref="ExperimentInfo.SweepSize"/>), and the
/// expansion is lazy, so neither depends on how many runs the sweep has.
/// </summary>
public sealed class SweepSizeTests
{
    static readonly Lazy<IExperiment> Experiment = new(() => Assert.Single(TestHelper.LoadExperiments("""
        using GrokDsl;
        namespace Lab;

        [Experiment("sizes")]
        public sealed partial record Sized
        {
            public ModularArithmetic Data { get; init; } = new() { TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new();
            [Sweep(0.1, 0.3)] public double Rate { get; init; }
            public AdamW Optimizer => new() { LearningRate = Rate, WeightDecay = 1.0 };
            [Sweep(0, 1, 2)] public int Seed { get; init; }
        }
        """)));

    // 1,000 × 1,000 × 1,000 runs: a list of them would need about 100 GB.
    static readonly Lazy<IExperiment> Billion = new(() => Assert.Single(TestHelper.LoadExperiments("""
        using GrokDsl;
        namespace Lab;

        [Experiment("billion")]
        public sealed partial record Billion
        {
            public ModularArithmetic Data { get; init; } = new();
            public Mlp Model { get; init; } = new();
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            [SweepRange(1, 1000)] public int Width { get; init; }
            [SweepRange(1, 1000)] public int Depth { get; init; }
            [SweepRange(0, 999)] public int Seed { get; init; }
        }
        """)));

    [Fact]
    public void AGeneratedSweep_KnowsItsSizeWithoutExpanding_AndExpandsLazily()
    {
        Assert.Equal(1_000_000_000, Billion.Value.Info.SweepSize);
        Assert.Equal([0, 1, 2], Billion.Value.ExpandSweep().Take(3).Select(static r => r.ToRunSpec().Seed));
    }

    [Fact]
    public void SweepOverrides_AreCountedWithoutExpanding_AndExpandLazily()
    {
        var overridden = ExperimentOverrides.Parse([], ["Data.Modulus=2..10001", "Data.TrainFraction=0.1..0.9:0.0001"]).ApplyTo(Billion.Value);
        Assert.Equal(1_000_000_000L * 10_000 * 8_001, overridden.Info.SweepSize);
        Assert.Single(overridden.ExpandSweep().Take(1));
    }

    [Fact]
    public void ASweepRangeTooLargeForOneAxis_SaysSo_NotThatItHasNoValues()
    {
        var error = Assert.Throws<OverrideException>(() => ExperimentOverrides.Parse([], ["Seed=0..999999999"]));
        Assert.Contains("1,000,000,000 values, more than the 10,000 one axis may have", error.Message, StringComparison.Ordinal);
    }

    // Axes as (values, zip group): the size is the product over the axes, each zip group counted once, and never overflows.
    static readonly Gen<SweepAxisSize[]> Axes =
        Gen.Select(Gen.Long[0, 2_000_000_000L], Gen.OneOf<string?>(null, null, "a", "b"))
            .Select(static (values, zip) => new SweepAxisSize("Axis", values, zip))
            .Array[0, 8];

    [Fact]
    public void SweepSize_IsTheProductOverAxes_ZipGroupsOnce_SaturatingInsteadOfOverflowing() =>
        Axes.Sample(static axes =>
        {
            var groups = axes.Where(static a => a.Zip is not null).GroupBy(static a => a.Zip).Select(static g => g.Max(static a => a.Values));
            var exact = axes.Where(static a => a.Zip is null).Select(static a => a.Values).Concat(groups)
                .Aggregate(BigInteger.One, static (product, values) => product * values);
            var expected = exact > long.MaxValue ? long.MaxValue : (long)exact;
            var info = new ExperimentInfo("x", "X", null, []) { AxisSizes = axes };
            return info.SweepSize == expected;
        });

    [Fact]
    public void SweepSize_NeverShrinksWhenAnAxisGrows() =>
        Gen.Select(Axes, Gen.Int[0, 7], Gen.Long[1, 1_000_000]).Sample(static (axes, index, more) =>
        {
            if (axes.Length == 0) return true;
            var grown = axes.ToArray();
            var i = index % axes.Length;
            grown[i] = grown[i] with { Values = grown[i].Values + more };
            return new ExperimentInfo("x", "X", null, []) { AxisSizes = grown }.SweepSize
                   >= new ExperimentInfo("x", "X", null, []) { AxisSizes = axes }.SweepSize;
        });

    // For grids small enough to expand, the size computed from the axes is exactly the number of runs expanded.
    [Fact]
    public void SweepSize_OfOverriddenSweeps_IsTheNumberOfRunsTheyExpandTo() =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[1, 3], Gen.Int[0, 3], Gen.Bool).Sample(static (seeds, rates, moduli, setRate) =>
        {
            var sweeps = new List<string>();
            if (seeds > 0) sweeps.Add($"Seed=0..{seeds - 1}");
            if (moduli > 0) sweeps.Add($"Data.Modulus={string.Join(",", Enumerable.Range(0, moduli).Select(static m => 7 + m))}");
            var sets = setRate ? new[] { "Rate=0.2" } : [];
            if (!setRate && rates > 1) sweeps.Add($"Rate={string.Join(",", Enumerable.Range(1, rates).Select(static r => $"0.{r}"))}");
            var overridden = ExperimentOverrides.Parse(sets, sweeps).ApplyTo(Experiment.Value);
            var runs = overridden.ExpandSweep().Select(static r => r.ToRunSpec().RunId).ToList();
            return runs.Count == runs.Distinct().Count() && overridden.Info.SweepSize == runs.Count;
        });
}
