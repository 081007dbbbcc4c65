using GrokDsl.Analysis;

namespace GrokDsl.Measures.Tests.Analysis;

public sealed class SurvivalTests
{
    // n = 6: grokked at 100, censored at 200, two grokked at 300, censored at 400, grokked at 500.
    static readonly GrokkingTime[] Outcomes =
        [new(100, true), new(200, false), new(300, true), new(300, true), new(400, false), new(500, true)];

    [Fact]
    public void Kaplan_Meier_matches_the_hand_computed_curve()
    {
        var curve = KaplanMeier.Estimate(Outcomes);

        // S(100) = 5/6; S(300) = 5/6 · (1 − 2/4) = 5/12; S(500) = 5/12 · (1 − 1/1) = 0.
        (double Step, int AtRisk, int Events, int Censored, double Survival)[] expected =
            [(100, 6, 1, 0, 5.0 / 6), (200, 5, 0, 1, 5.0 / 6), (300, 4, 2, 0, 5.0 / 12), (400, 2, 0, 1, 5.0 / 12), (500, 1, 1, 0, 0)];
        Assert.Equal(expected.Length, curve.Points.Count);
        foreach (var (e, p) in expected.Zip(curve.Points))
        {
            Assert.Equal((e.Step, e.AtRisk, e.Events, e.Censored), (p.Step, p.AtRisk, p.Events, p.Censored));
            Assert.Equal(e.Survival, p.Survival, 12);
        }
        Assert.Equal(300, curve.Median);
        Assert.Equal(1, curve.SurvivalAt(99));
        Assert.Equal(5.0 / 12, curve.SurvivalAt(450), 12);
    }

    [Fact]
    public void Median_is_unknown_when_too_many_runs_are_censored()
    {
        var curve = KaplanMeier.Estimate([new(100, true), new(1000, false), new(1000, false)]);

        Assert.Null(curve.Median);
        Assert.Equal(2.0 / 3, curve.SurvivalAt(1000), 12);
    }

    [Fact]
    public void Bootstrap_interval_contains_the_true_median_of_a_seeded_sample_and_is_reproducible()
    {
        // 101 draws from Uniform(0, 1000): true median 500.
        var random = new Random(11);
        var sample = Enumerable.Range(0, 101).Select(_ => random.NextDouble() * 1000).ToArray();

        var interval = Bootstrap.MedianInterval(sample, level: 0.95, resamples: 2000, seed: 5);

        Assert.True(interval.Contains(500), $"[{interval.Lower}, {interval.Upper}]");
        Assert.Equal(Bootstrap.Median(sample), interval.Estimate);
        Assert.InRange(interval.Upper!.Value - interval.Lower!.Value, 50, 400);
        Assert.Equal(interval, Bootstrap.MedianInterval(sample, level: 0.95, resamples: 2000, seed: 5));
        Assert.NotEqual(interval, Bootstrap.MedianInterval(sample, level: 0.95, resamples: 2000, seed: 6));
    }

    [Fact]
    public void Median_and_quantiles_follow_their_definitions()
    {
        Assert.Equal(2.5, Bootstrap.Median([4, 1, 3, 2]));
        Assert.Equal(3, Bootstrap.Median([5, 1, 3]));
        Assert.Equal(1.75, Bootstrap.Quantile([1, 2, 3, 4], 0.25));
        Assert.Equal(double.PositiveInfinity, Bootstrap.Quantile([1, 2, double.PositiveInfinity], 0.9));
    }

    [Fact]
    public void Aggregation_counts_grokked_seeds_and_leaves_unknown_bounds_open()
    {
        var aggregate = MultiSeed.Aggregate(Outcomes, resamples: 500, seed: 1);

        Assert.Equal((6, 4), (aggregate.Runs, aggregate.Grokked));
        Assert.Equal(4.0 / 6, aggregate.FractionGrokked, 12);
        Assert.Equal(300, aggregate.MedianGrokkingStep.Estimate);
        Assert.True(aggregate.MedianGrokkingStep.Contains(300));

        var none = MultiSeed.Aggregate([new(1000, false), new(1000, false)], resamples: 100);
        Assert.Equal(0, none.FractionGrokked);
        Assert.Null(none.MedianGrokkingStep.Estimate);
        Assert.Null(none.MedianGrokkingStep.Upper);
    }
}
