using GrokDsl.Runs;

namespace GrokDsl.Analysis;

/// <summary>The <see cref="RunAnalysis"/> a run's summary carries, from its metrics.</summary>
public static class RunAnalyses
{
    /// <summary>
    /// The analysis of <paramref name="metrics"/>. The gap and ratio come from the memorization and grokking steps the
    /// trainer recorded (<paramref name="memorizedAtStep"/>, <paramref name="grokkedAtStep"/>), so that they agree with
    /// the summary's own fields; null when there are no metrics.
    /// </summary>
    public static RunAnalysis? Of(IReadOnlyList<MetricRecord> metrics, long? memorizedAtStep, long? grokkedAtStep, double memorizationThreshold)
    {
        if (metrics.Count == 0) return null;
        var timeline = new GrokkingTimeline(memorizedAtStep, grokkedAtStep, MetricSeries.LastStep(metrics));
        var width = TransitionSharpness.TestAccuracyWidth(metrics);
        var sigmoid = TransitionSharpness.TestAccuracySigmoid(metrics) is { Converged: true } fit ? fit : null;
        var phases = KnownPhases(metrics, memorizationThreshold);
        return new RunAnalysis
        {
            GrokkingGap = timeline.Gap,
            GrokkingRatio = timeline.Ratio,
            TransitionStartStep = width?.LowStep,
            TransitionEndStep = width?.HighStep,
            TransitionWidthDecades = width?.WidthDecades,
            SigmoidMidpointStep = sigmoid?.MidpointStep,
            SigmoidRate = sigmoid?.Rate,
            SigmoidMaxSlope = sigmoid?.MaxSlope,
            Phases = phases?.Phases.Select(p => new PhaseRange(Name(p.Phase), p.StartStep, p.EndStep)).ToList(),
            PhasesComplete = phases?.Complete,
        };
    }

    // As the run report: phases are known once the run memorized and its test loss was measured.
    static PhaseSegmentation? KnownPhases(IReadOnlyList<MetricRecord> metrics, double memorizationThreshold)
    {
        if (!metrics.Any(r => r.TestLoss is { } loss && double.IsFinite(loss))) return null;
        var segmentation = Phases.Segment(metrics, new PhaseOptions { MemorizationThreshold = memorizationThreshold });
        return segmentation.Phases.Count < 2 ? null : segmentation;
    }

    static string Name(TrainingPhase phase) => phase switch
    {
        TrainingPhase.Memorization => "memorization",
        TrainingPhase.CircuitFormation => "circuit-formation",
        TrainingPhase.Cleanup => "cleanup",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };
}
