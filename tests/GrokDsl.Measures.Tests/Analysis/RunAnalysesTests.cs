using GrokDsl.Analysis;
using GrokDsl.Measures.Tests.Support;
using GrokDsl.Runs;

namespace GrokDsl.Measures.Tests.Analysis;

public sealed class RunAnalysesTests
{
    // Train accuracy 1 from step 1000; test accuracy a logistic in log10(step) with midpoint 3.5 (step 3162) and rate 6.
    static readonly IReadOnlyList<MetricRecord> Grokking = Streams.Make(
        100_000, 100,
        step => step >= 1000 ? 1.0 : 0.5,
        step => step == 0 ? 0 : 1 / (1 + Math.Exp(-6 * (Math.Log10(step) - 3.5))));

    [Fact]
    public void Summary_analysis_has_gap_ratio_sharpness_and_phases()
    {
        var analysis = RunAnalyses.Of(Grokking, memorizedAtStep: 1000, grokkedAtStep: 5000, memorizationThreshold: 0.99)!;

        Assert.Equal(4000, analysis.GrokkingGap);
        Assert.Equal(5.0, analysis.GrokkingRatio);
        Assert.Equal(3.5, Math.Log10(analysis.SigmoidMidpointStep!.Value), 3);
        Assert.Equal(6, analysis.SigmoidRate!.Value, 2);
        // Levels 0.1 and 0.9 of the range [0, ~1]: log10(step) = 3.5 ∓ ln 9 / 6, i.e. steps ≈ 1361 and ≈ 7343, first reached on the 100-grid at 1400 and 7400.
        Assert.Equal(1400, analysis.TransitionStartStep);
        Assert.Equal(7400, analysis.TransitionEndStep);
        Assert.Equal(Math.Log10(7400 / 1400.0), analysis.TransitionWidthDecades!.Value, 9);
        // The test loss never falls here, so there is no cleanup: memorization, then circuit formation to the end.
        Assert.Equal([new PhaseRange("memorization", 0, 1000), new PhaseRange("circuit-formation", 1000, 100_000)], analysis.Phases!);
        Assert.False(analysis.PhasesComplete);
    }

    [Fact]
    public void A_run_that_neither_memorized_nor_grokked_has_no_gap_and_no_phases()
    {
        var flat = Streams.Make(1000, 100, _ => 0.5, _ => 0.1);

        var analysis = RunAnalyses.Of(flat, memorizedAtStep: null, grokkedAtStep: null, memorizationThreshold: 0.99)!;

        Assert.Null(analysis.GrokkingGap);
        Assert.Null(analysis.GrokkingRatio);
        Assert.Null(analysis.TransitionStartStep);
        Assert.Null(analysis.SigmoidRate);
        Assert.Null(analysis.Phases);
        Assert.Null(RunAnalyses.Of([], null, null, 0.99));
    }
}
