using GrokDsl.Analysis;
using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// One setting of a sweep: the runs that share every swept value but the seed, and their grokking statistics over
/// seeds. How each run counts (<see cref="OutcomeOf"/>):
/// <list type="bullet">
/// <item>grokked: an event at its grokking step;</item>
/// <item>censored, interrupted or still running: censored at the last step it reached (it may grok later);</item>
/// <item>diverged: censored at the sweep's horizon, the largest step any run reached: a run that blew up will not
/// grok, so it stays in the denominator instead of vanishing from it;</item>
/// <item>failed (an error, not a training outcome) or without metrics: left out, and counted in <see cref="Excluded"/>.</item>
/// </list>
/// </summary>
/// <param name="Values">The setting's value on each non-replicate axis, in axis order.</param>
/// <param name="Label">The values as one line, e.g. <c>Optimizer.WeightDecay=0.1 · Data.TrainFraction=0.3</c>; "all runs" without axes.</param>
/// <param name="Runs">The setting's runs, in seed order.</param>
/// <param name="Statistics">Fraction grokked, the Kaplan–Meier curve and median with a 95 % bootstrap interval; null when no run counts.</param>
/// <param name="Excluded">Runs left out of <paramref name="Statistics"/> (failed, or no metrics).</param>
/// <param name="MedianFinalTestAccuracy">The median over runs of the final test accuracy (finite values only).</param>
/// <param name="CensoredAtStep">The largest step at which one of the setting's runs was censored, or null.</param>
public sealed record SweepSetting(
    IReadOnlyList<string> Values,
    string Label,
    IReadOnlyList<LoadedRun> Runs,
    SeedAggregate? Statistics,
    int Excluded,
    double? MedianFinalTestAccuracy,
    double? CensoredAtStep)
{
    /// <summary>The median grokking step over seeds, when the data pin it down.</summary>
    public double? MedianGrokkingStep => Statistics?.MedianGrokkingStep.Estimate;

    /// <summary>
    /// True when the median grokking step is unknown because too many runs never grokked (the Kaplan–Meier curve
    /// stays above one half): all that is known is that the median lies beyond <see cref="CensoredAtStep"/>.
    /// </summary>
    public bool MedianCensored => Statistics is not null && MedianGrokkingStep is null;

    /// <summary>A run as a survival observation, or null when it does not count (see the type's remarks).</summary>
    public static GrokkingTime? OutcomeOf(LoadedRun run, long horizon)
    {
        if (run.Summary?.Status == RunStatus.Failed || run.LastStep is not { } last) return null;
        if (run.GrokkedAtStep is { } grokked) return new GrokkingTime(grokked, Grokked: true);
        return run.Summary?.Status == RunStatus.Diverged ? new GrokkingTime(Math.Max(horizon, last), false) : new GrokkingTime(last, false);
    }

    /// <summary>Groups runs into settings by their values on <paramref name="axes"/>' non-replicate axes.</summary>
    public static IReadOnlyList<SweepSetting> Group(IReadOnlyList<LoadedRun> runs, IReadOnlyList<SweepAxis> axes)
    {
        var settingAxes = axes.Where(axis => !axis.IsReplicate).ToList();
        var replicate = axes.FirstOrDefault(axis => axis.IsReplicate);
        var horizon = runs.Select(run => run.LastStep ?? 0).DefaultIfEmpty(0).Max();
        return
        [
            .. runs
                .GroupBy(run => string.Join("\u001f", settingAxes.Select(axis => axis.ValueOf(run.Configuration))))
                .Select(group => Create(
                    [.. settingAxes.Select(axis => axis.ValueOf(group.First().Configuration))],
                    settingAxes,
                    [.. group.OrderBy(run => replicate is null ? 0 : SweepAxis.Number(replicate.ValueOf(run.Configuration)) ?? 0).ThenBy(run => run.RunId, StringComparer.Ordinal)],
                    horizon))
                .OrderBy(setting => setting, new ValueOrder(settingAxes)),
        ];
    }

    static SweepSetting Create(IReadOnlyList<string> values, IReadOnlyList<SweepAxis> axes, IReadOnlyList<LoadedRun> runs, long horizon)
    {
        var outcomes = runs.Select(run => OutcomeOf(run, horizon)).OfType<GrokkingTime>().ToList();
        var accuracies = runs.Where(run => run.Summary?.Status != RunStatus.Failed)
            .Select(run => run.FinalTestAccuracy).OfType<double>().ToList();
        var censored = outcomes.Where(outcome => !outcome.Grokked).Select(outcome => (double?)outcome.Step).Max();
        return new SweepSetting(
            values,
            axes.Count == 0 ? "all runs" : string.Join(" · ", axes.Select((axis, i) => $"{axis.Key}={values[i]}")),
            runs,
            outcomes.Count == 0 ? null : MultiSeed.Aggregate(outcomes),
            runs.Count - outcomes.Count,
            accuracies.Count == 0 ? null : Bootstrap.Median(accuracies),
            censored);
    }

    /// <summary>Settings in the order of their axis values (numeric axes numerically), first axis slowest.</summary>
    sealed class ValueOrder(IReadOnlyList<SweepAxis> axes) : IComparer<SweepSetting>
    {
        public int Compare(SweepSetting? x, SweepSetting? y)
        {
            for (var i = 0; i < axes.Count; i++)
            {
                var order = axes[i].Values;
                var compared = IndexOf(order, x!.Values[i]).CompareTo(IndexOf(order, y!.Values[i]));
                if (compared != 0) return compared;
            }
            return 0;
        }

        static int IndexOf(IReadOnlyList<string> values, string value)
        {
            for (var i = 0; i < values.Count; i++)
                if (values[i] == value) return i;
            return -1;
        }
    }
}
