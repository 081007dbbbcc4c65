using GrokDsl.Analysis;
using GrokDsl.Measures.Tests.Support;

namespace GrokDsl.Measures.Tests.Analysis;

public sealed class GrokkingTimesTests
{
    // Train accuracy reaches 0.99 at 200; test accuracy crosses 0.95 at 650, dips at 660, is back from 700 on.
    static readonly IReadOnlyList<GrokDsl.Runs.MetricRecord> Run = Streams.Make(1000, 10,
        step => step >= 200 ? 1.0 : 0.98 * step / 200,
        step => step switch { 650 => 0.96, 660 => 0.5, >= 700 => 0.99, _ => 0.02 });

    [Fact]
    public void Memorization_grokking_gap_and_ratio()
    {
        var timeline = GrokkingTimes.Analyze(Run);

        Assert.Equal(200, timeline.MemorizationStep);
        Assert.Equal(650, timeline.GrokkingStep);
        Assert.Equal(450, timeline.Gap);
        Assert.Equal(3.25, timeline.Ratio);
        Assert.Equal(1000, timeline.LastStep);
        Assert.Equal(new GrokkingTime(650, true), timeline.Outcome);
    }

    [Fact]
    public void Stay_above_variants_skip_the_dip()
    {
        Assert.Equal(700, GrokkingTimes.GrokkingStep(Run, new GrokkingCriteria { StaysAboveForSteps = 50 }));
        Assert.Equal(700, GrokkingTimes.GrokkingStep(Run, new GrokkingCriteria { StaysAboveUntilEnd = true }));
        Assert.Equal(650, GrokkingTimes.GrokkingStep(Run, new GrokkingCriteria { StaysAboveForSteps = 5 }));
        // The window must be observed: from 700 the run has only 300 more steps.
        Assert.Null(GrokkingTimes.GrokkingStep(Run, new GrokkingCriteria { StaysAboveForSteps = 301 }));
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        Assert.Equal(700, GrokkingTimes.GrokkingStep(Run, new GrokkingCriteria { GrokkingThreshold = 0.97 }));
        Assert.Equal(110, GrokkingTimes.MemorizationStep(Run, 0.5)); // 0.98·s/200 ≥ 0.5 from s = 102.04
    }

    [Fact]
    public void A_run_that_never_groks_is_censored_at_its_last_step()
    {
        var run = Streams.Make(500, 10, _ => 1.0, step => step % 20 == 0 ? 0.3 : null);

        var timeline = GrokkingTimes.Analyze(run);

        Assert.Null(timeline.GrokkingStep);
        Assert.True(timeline.Censored);
        Assert.Null(timeline.Gap);
        Assert.Equal(new GrokkingTime(500, false), timeline.Outcome);
    }
}
