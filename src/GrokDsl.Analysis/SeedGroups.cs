using GrokDsl.Runs;

namespace GrokDsl.Analysis;

/// <summary>Stored runs of one experiment that differ only in their seed, with their grokking statistics.</summary>
/// <param name="Settings">The shared configuration, flattened to dotted keys, without the seed.</param>
/// <param name="Runs">The group's runs, in run-id order.</param>
/// <param name="Statistics">Fraction grokked, Kaplan–Meier curve and median with a bootstrap interval; null when no run counts.</param>
/// <param name="Excluded">Runs that do not count: failed (an error, not an outcome) or unfinished (no summary).</param>
public sealed record SeedGroup(
    string ExperimentId, IReadOnlyDictionary<string, string> Settings, IReadOnlyList<RunEntry> Runs, SeedAggregate? Statistics, int Excluded);

/// <summary>
/// Multi-seed aggregation of stored runs (e.g. a listing from <see cref="RunStore.List"/>), for sweep reports and
/// the <c>runs</c> command. How a finished run counts, from its summary alone:
/// <list type="bullet">
/// <item>grokked: an event at its grokking step;</item>
/// <item>censored or interrupted: censored at its final step, never dropped nor taken as infinitely late;</item>
/// <item>diverged: censored at the group's horizon, the largest final step of its runs (it will not grok);</item>
/// <item>failed or unfinished: left out and counted in <see cref="SeedGroup.Excluded"/>.</item>
/// </list>
/// </summary>
public static class SeedGroups
{
    /// <summary>The configuration key that names the seed.</summary>
    public const string SeedKey = "Seed";

    /// <summary>Groups <paramref name="runs"/> by experiment and every setting but the seed, and aggregates each group.</summary>
    public static IReadOnlyList<SeedGroup> Aggregate(IEnumerable<RunEntry> runs, double level = 0.95, int resamples = 2000, int seed = 0) =>
    [
        .. runs
            .Select(run => (Run: run, Settings: WithoutSeed(run.Settings())))
            .GroupBy(r => (r.Run.ExperimentId, Key: string.Join("\u001f", r.Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"))))
            .OrderBy(g => g.Key.ExperimentId, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => Create(g.Key.ExperimentId, g.First().Settings, [.. g.Select(r => r.Run).OrderBy(r => r.RunId, StringComparer.Ordinal)], level, resamples, seed)),
    ];

    /// <summary>A finished run as a survival observation, or null when it does not count (see the type's remarks).</summary>
    public static GrokkingTime? OutcomeOf(RunSummary? summary, long horizon) => summary switch
    {
        null or { Status: RunStatus.Failed } => null,
        { GrokkedAtStep: { } grokked } => new GrokkingTime(grokked, Grokked: true),
        { Status: RunStatus.Diverged } => new GrokkingTime(Math.Max(horizon, summary.FinalStep), Grokked: false),
        _ => new GrokkingTime(summary.FinalStep, Grokked: false),
    };

    static SeedGroup Create(string experimentId, IReadOnlyDictionary<string, string> settings, IReadOnlyList<RunEntry> runs, double level, int resamples, int seed)
    {
        var horizon = runs.Select(r => r.Summary?.FinalStep ?? 0).DefaultIfEmpty(0).Max();
        var outcomes = runs.Select(r => OutcomeOf(r.Summary, horizon)).OfType<GrokkingTime>().ToList();
        var statistics = outcomes.Count == 0 ? null : MultiSeed.Aggregate(outcomes, level, resamples, seed);
        return new SeedGroup(experimentId, settings, runs, statistics, runs.Count - outcomes.Count);
    }

    static IReadOnlyDictionary<string, string> WithoutSeed(IReadOnlyDictionary<string, string> settings) =>
        settings.Where(s => !string.Equals(s.Key, SeedKey, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);
}
