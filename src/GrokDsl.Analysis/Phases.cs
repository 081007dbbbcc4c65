using GrokDsl.Runs;

namespace GrokDsl.Analysis;

/// <summary>
/// Splits a modular-arithmetic run into memorization, circuit formation and cleanup, making Nanda et al.'s
/// qualitative description (arXiv:2301.05217, §5.2) into an exact rule. Losses are compared in log space
/// (they span decades). With L(t) the test loss:
/// <list type="number">
/// <item>m₀ = first step with train accuracy ≥ <see cref="PhaseOptions.MemorizationThreshold"/>. Without it
/// the run is all memorization.</item>
/// <item>Peak: the step t_peak of the largest test loss at or after m₀, P = log L(t_peak); E = the smallest
/// log L after t_peak. If P − E is under <see cref="PhaseOptions.MinimumFallDecades"/> decades there is no
/// cleanup: circuit formation runs to the last step.</item>
/// <item>Cleanup starts at t_c, the first step after t_peak with log L ≤ P − f_start·(P − E) (f_start = 0.1):
/// "test loss suddenly drops".</item>
/// <item>Memorization ends at t_m, the step of the smallest excluded loss measured in [m₀, t_c] (the excluded
/// loss falls with the train loss, then rises as the generalizing circuit forms); m₀ when the excluded loss
/// was not measured there. Circuit formation is [t_m, t_c], possibly empty.</item>
/// <item>Cleanup ends at t_e, the first step ≥ t_c at which log L ≤ P − f_end·(P − E) (f_end = 0.9) and, when the
/// restricted loss is measured, it too has fallen f_end of its own log-space way from its largest value after
/// t_m to its smallest after that. If either never happens the run ends inside cleanup.</item>
/// </list>
/// The weight norm is not used to place boundaries (its decline is gradual in circuit formation and steep in
/// cleanup, too smooth to threshold robustly); it is reported per phase and checked in
/// <see cref="PhaseSegmentation.MatchesNandaSignature"/>.
/// </summary>
public static class Phases
{
    public static PhaseSegmentation Segment(IReadOnlyList<MetricRecord> metrics, PhaseOptions? options = null)
    {
        options ??= new PhaseOptions();
        if (metrics.Count == 0) throw new ArgumentException("A run with no metrics has no phases.", nameof(metrics));
        var first = metrics.Min(r => r.Step);
        var last = MetricSeries.LastStep(metrics);
        var series = new Series(
            Log(MetricSeries.TestLoss(metrics)),
            MetricSeries.Measure(metrics, options.ExcludedLossKey),
            Log(MetricSeries.Measure(metrics, options.RestrictedLossKey)),
            MetricSeries.Measure(metrics, options.WeightNormKey));

        var m0 = GrokkingTimes.MemorizationStep(metrics, options.MemorizationThreshold);
        if (m0 is not { } memorized)
            return Result([(TrainingPhase.Memorization, first, last)], complete: false, series);

        var afterMemorization = series.LogTestLoss.Where(p => p.Step >= memorized).ToArray();
        if (afterMemorization.Length == 0)
            return Result([(TrainingPhase.Memorization, first, memorized), (TrainingPhase.CircuitFormation, memorized, last)], false, series);
        var peak = afterMemorization.MaxBy(p => p.Value);
        var afterPeak = afterMemorization.Where(p => p.Step > peak.Step).ToArray();
        var floor = afterPeak.Length == 0 ? peak.Value : afterPeak.Min(p => p.Value);
        var fall = peak.Value - floor;

        if (fall < options.MinimumFallDecades * Math.Log(10))
        {
            var end = MinimumStep(series.ExcludedLoss, memorized, last) ?? memorized;
            return Result([(TrainingPhase.Memorization, first, end), (TrainingPhase.CircuitFormation, end, last)], false, series);
        }

        var cleanupStart = afterPeak.First(p => p.Value <= peak.Value - options.CleanupStartFraction * fall).Step;
        var memorizationEnd = Math.Min(MinimumStep(series.ExcludedLoss, memorized, cleanupStart) ?? memorized, cleanupStart);
        cleanupStart = Math.Max(cleanupStart, memorizationEnd);

        var cleanupEnd = FirstStep(afterPeak, p => p.Step >= cleanupStart && p.Value <= peak.Value - options.CleanupEndFraction * fall);
        var restricted = series.LogRestrictedLoss.Where(p => p.Step >= memorizationEnd).ToArray();
        if (cleanupEnd is { } && restricted.Length > 0)
        {
            var restrictedPeak = restricted.MaxBy(p => p.Value);
            var restrictedFloor = restricted.Where(p => p.Step >= restrictedPeak.Step).Min(p => p.Value);
            var level = restrictedPeak.Value - options.CleanupEndFraction * (restrictedPeak.Value - restrictedFloor);
            var restrictedDone = FirstStep(restricted, p => p.Step >= restrictedPeak.Step && p.Value <= level);
            cleanupEnd = restrictedDone is { } done ? Math.Max(cleanupEnd.Value, done) : null;
        }

        return Result(
        [
            (TrainingPhase.Memorization, first, memorizationEnd),
            (TrainingPhase.CircuitFormation, memorizationEnd, cleanupStart),
            (TrainingPhase.Cleanup, cleanupStart, cleanupEnd ?? last),
        ], cleanupEnd is not null, series);
    }

    sealed record Series(
        IReadOnlyList<SeriesPoint> LogTestLoss, IReadOnlyList<SeriesPoint> ExcludedLoss,
        IReadOnlyList<SeriesPoint> LogRestrictedLoss, IReadOnlyList<SeriesPoint> WeightNorm);

    static PhaseSegmentation Result(IReadOnlyList<(TrainingPhase Phase, long Start, long End)> spans, bool complete, Series series)
    {
        var phases = spans.Select(s => new PhaseSpan(
            s.Phase, s.Start, s.End,
            Change(series.LogTestLoss, s.Start, s.End, Math.Exp), Change(series.ExcludedLoss, s.Start, s.End),
            Change(series.LogRestrictedLoss, s.Start, s.End, Math.Exp), Change(series.WeightNorm, s.Start, s.End))).ToArray();
        return new PhaseSegmentation(phases, complete, Signature(phases));
    }

    static bool? Signature(IReadOnlyList<PhaseSpan> phases)
    {
        var checks = new List<bool>();
        if (phases.FirstOrDefault(p => p.Phase == TrainingPhase.CircuitFormation) is { } circuit && circuit.EndStep > circuit.StartStep)
        {
            if (circuit.ExcludedLossChange is { } excluded) checks.Add(excluded > 0);
            if (circuit.WeightNormChange is { } norm) checks.Add(norm < 0);
        }
        if (phases.FirstOrDefault(p => p.Phase == TrainingPhase.Cleanup) is { WeightNormChange: { } cleanupNorm })
            checks.Add(cleanupNorm < 0);
        return checks.Count == 0 ? null : checks.All(c => c);
    }

    // Value at the last point at or before `end` minus that at or before `start`, in the series' own units
    // (log series are mapped back through `back`).
    static double? Change(IReadOnlyList<SeriesPoint> series, long start, long end, Func<double, double>? back = null)
    {
        if (series.Count == 0) return null;
        double At(long step) => series.Where(p => p.Step <= step).Select(p => (double?)p.Value).LastOrDefault() ?? series[0].Value;
        back ??= v => v;
        return back(At(end)) - back(At(start));
    }

    static long? FirstStep(IEnumerable<SeriesPoint> series, Func<SeriesPoint, bool> predicate) =>
        series.Where(predicate).Select(p => (long?)p.Step).FirstOrDefault();

    static long? MinimumStep(IReadOnlyList<SeriesPoint> series, long from, long to)
    {
        var window = series.Where(p => p.Step >= from && p.Step <= to).ToArray();
        return window.Length == 0 ? null : window.MinBy(p => p.Value).Step;
    }

    static IReadOnlyList<SeriesPoint> Log(IReadOnlyList<SeriesPoint> series) =>
        [.. series.Where(p => p.Value > 0).Select(p => p with { Value = Math.Log(p.Value) })];
}
