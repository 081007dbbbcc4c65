using GrokDsl.Runs;

namespace GrokDsl.Runs.Tests;

/// <summary>The merged view of training records and a post-hoc pass, as analysis and reports read it.</summary>
public sealed class MetricsViewTests
{
    static MetricRecord Training(long step, params (string Key, double Value)[] measures) =>
        new(step, 1, 0.5, 2, 0.1, step, measures.Length == 0 ? null : measures.ToDictionary(m => m.Key, m => m.Value));

    static MetricRecord Pass(long step, params (string Key, double Value)[] measures) =>
        new(step, 9, 9, 9, 9, step, measures.ToDictionary(m => m.Key, m => m.Value), MetricsView.PostHocPass);

    [Fact]
    public void Without_a_pass_the_records_are_returned_as_they_are()
    {
        IReadOnlyList<MetricRecord> records = [Training(0, ("restricted-loss.loss", 4)), Training(10)];

        Assert.Same(records, MetricsView.Merged(records));
    }

    [Fact]
    public void A_pass_replaces_the_live_values_of_its_measures_and_keeps_the_others()
    {
        var merged = MetricsView.Merged([
            Training(0, ("restricted-loss.loss", 4), ("weight-norm.total", 30)),
            Training(10, ("restricted-loss.loss", 3)),
            Training(20, ("restricted-loss.loss", 2), ("weight-norm.total", 20)),
            Pass(0, ("restricted-loss.loss", 5)),
            Pass(20, ("restricted-loss.loss", 0.5)),
        ]);

        Assert.Equal([0L, 10, 20], merged.Select(r => r.Step));
        Assert.Equal(5, merged[0].Measures!["restricted-loss.loss"]);
        Assert.Equal(30, merged[0].Measures!["weight-norm.total"]);
        Assert.Null(merged[1].Measures);                               // its live restricted loss is left out
        Assert.Equal(0.5, merged[2].Measures!["restricted-loss.loss"]);
        Assert.Equal((1.0, 0.5), (merged[2].TrainLoss, merged[2].TrainAccuracy)); // training's own losses win
        Assert.Equal([MetricsView.PostHocPass, null, MetricsView.PostHocPass], merged.Select(r => r.Pass));
    }

    [Fact]
    public void A_pass_step_without_a_training_record_becomes_a_record_and_later_passes_win()
    {
        var merged = MetricsView.Merged([Training(0), Training(20), Pass(15, ("fourier.embedding.gini", 0.1)), Pass(15, ("fourier.embedding.gini", 0.2))]);

        Assert.Equal([0L, 15, 20], merged.Select(r => r.Step));
        Assert.Equal(0.2, merged[1].Measures!["fourier.embedding.gini"]);
    }
}
