using GrokDsl.Runs;

namespace GrokDsl.Analysis;

/// <summary>Aggregates runs that differ only in their seed.</summary>
public static class MultiSeed
{
    /// <summary>Fraction grokked, Kaplan–Meier curve and median, and a seeded bootstrap interval for the median.</summary>
    public static SeedAggregate Aggregate(IReadOnlyList<RunOutcome> outcomes, double level = 0.95, int resamples = 2000, int seed = 0)
    {
        if (outcomes.Count == 0) throw new ArgumentException("No runs to aggregate.", nameof(outcomes));
        var grokked = outcomes.Count(o => o.Grokked);
        return new SeedAggregate(
            outcomes.Count, grokked, (double)grokked / outcomes.Count,
            Bootstrap.KaplanMeierMedianInterval(outcomes, level, resamples, seed),
            KaplanMeier.Estimate(outcomes));
    }

    /// <summary>The same from the runs' metric streams, each analysed with <paramref name="criteria"/>.</summary>
    public static SeedAggregate AggregateRuns(
        IReadOnlyList<IReadOnlyList<MetricRecord>> runs, GrokkingCriteria? criteria = null, double level = 0.95, int resamples = 2000, int seed = 0) =>
        Aggregate([.. runs.Select(r => GrokkingTimes.Analyze(r, criteria).Outcome)], level, resamples, seed);
}
