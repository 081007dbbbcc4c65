using GrokDsl.Runs;

namespace GrokDsl.Analysis;

/// <summary>Aggregates runs that differ only in their seed.</summary>
public static class MultiSeed
{
    /// <summary>Fraction grokked, Kaplan–Meier curve and median, and a seeded bootstrap interval for the median.</summary>
    public static SeedAggregate Aggregate(IReadOnlyList<GrokkingTime> outcomes, double level = 0.95, int resamples = 2000, int seed = 0)
    {
        if (outcomes.Count == 0) throw new ArgumentException("No runs to aggregate.", nameof(outcomes));
        var grokked = outcomes.Count(o => o.Grokked);
        return new SeedAggregate(
            outcomes.Count, grokked, (double)grokked / outcomes.Count,
            Bootstrap.KaplanMeierMedianInterval(outcomes, level, resamples, seed),
            KaplanMeier.Estimate(outcomes));
    }
}
