using GrokDsl.Analysis;
using GrokDsl.Measures.Tests.Support;

namespace GrokDsl.Measures.Tests.Analysis;

public sealed class PhasesTests
{
    // A Nanda-like run on a 100-step grid (his mainline: memorization to 1.4k, circuit formation to 9.4k,
    // cleanup to about 13k). Test loss: peak 30 at 1400, 20 through 9400, 2 at 9500, 0.01 until 12900,
    // 0.001 after. Log fall from the peak: ln(30/0.001) = 10.31; 10 % of it is crossed at 9500, 90 %
    // (loss ≤ 0.0028) at 13000. Excluded loss: lowest at 1400, then rising. Weight norm: falling throughout.
    static IReadOnlyList<GrokDsl.Runs.MetricRecord> Run(long restrictedSettles = 12_600, bool groks = true) =>
        Streams.Make(20_000, 100,
            step => step >= 1400 ? 1.0 : 0.5,
            step => 0.5,
            step => !groks ? (step < 1400 ? 5 : step == 1400 ? 30 : 20) : step switch
            {
                < 1400 => 5, 1400 => 30, <= 9400 => 20, 9500 => 2, < 13_000 => 0.01, _ => 0.001,
            },
            step => new Dictionary<string, double>
            {
                ["excluded-loss.loss"] = step < 1400 ? 4 - step / 1000.0 : step == 1400 ? 0.01 : Math.Min(5, 0.01 + (step - 1400) / 1600.0),
                ["restricted-loss.loss"] = step <= 1400 ? 4.6 : step <= 9400 ? 3 : step < restrictedSettles ? 0.5 : 1e-4,
                ["weight-norm.total"] = step <= 1400 ? 40 - step / 280.0 : step <= 9500 ? 35 - (step - 1400) / 810.0 : Math.Max(12, 25 - (step - 9500) / 270.0),
            });

    [Fact]
    public void Nanda_like_run_splits_at_the_designed_boundaries()
    {
        var segmentation = Phases.Segment(Run());

        Assert.True(segmentation.Complete);
        Assert.Equal(
            [(TrainingPhase.Memorization, 0L, 1400L), (TrainingPhase.CircuitFormation, 1400, 9500), (TrainingPhase.Cleanup, 9500, 13_000)],
            segmentation.Phases.Select(p => (p.Phase, p.StartStep, p.EndStep)));
        Assert.True(segmentation.MatchesNandaSignature);
        var circuit = segmentation.Phases[1];
        Assert.True(circuit.ExcludedLossChange > 4);
        Assert.True(circuit.WeightNormChange < 0);
        Assert.Equal(2 - 30, circuit.TestLossChange!.Value, 9);
    }

    [Fact]
    public void Cleanup_lasts_until_the_restricted_loss_has_fallen_too()
    {
        var segmentation = Phases.Segment(Run(restrictedSettles: 14_000));

        Assert.Equal(14_000, segmentation.Phases[^1].EndStep);
    }

    [Fact]
    public void A_run_whose_test_loss_never_drops_has_no_cleanup()
    {
        var segmentation = Phases.Segment(Run(groks: false));

        Assert.False(segmentation.Complete);
        Assert.Equal(
            [(TrainingPhase.Memorization, 0L, 1400L), (TrainingPhase.CircuitFormation, 1400, 20_000)],
            segmentation.Phases.Select(p => (p.Phase, p.StartStep, p.EndStep)));
    }

    [Fact]
    public void A_run_that_never_memorizes_is_all_memorization()
    {
        var run = Streams.Make(1000, 100, _ => 0.3, _ => 0.01);

        var segmentation = Phases.Segment(run);

        Assert.Equal([(TrainingPhase.Memorization, 0L, 1000L)], segmentation.Phases.Select(p => (p.Phase, p.StartStep, p.EndStep)));
        Assert.Null(segmentation.MatchesNandaSignature);
    }
}
