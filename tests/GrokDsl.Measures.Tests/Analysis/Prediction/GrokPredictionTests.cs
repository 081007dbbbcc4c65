using GrokDsl.Analysis;
using GrokDsl.Analysis.Prediction;

namespace GrokDsl.Measures.Tests.Analysis.Prediction;

public sealed class GrokPredictionTests
{
    static IReadOnlyList<SeriesPoint> Loss(int points, Func<int, double> value) =>
        [.. Enumerable.Range(0, points).Select(i => new SeriesPoint(i * 10, value(i)))];

    [Fact]
    public void A_smooth_exponential_descent_has_no_oscillation_energy()
    {
        // ln of an exponential decay is a straight line, which detrending removes entirely.
        var feature = EarlyLossSpectrum.Feature(Loss(64, i => 4 * Math.Exp(-0.05 * i)), firstSteps: 10_000, band: 1);

        Assert.Equal(0, feature!.Value, 9);
    }

    [Fact]
    public void Full_band_energy_is_half_the_residual_sum_of_squares_by_Parseval()
    {
        // Odd n, a residual of ±0.1 oscillation around a line in ln-space: ln loss = −0.01 i + 0.1 cos(2π·3i/n).
        const int n = 63;
        var feature = EarlyLossSpectrum.Feature(Loss(n, i => Math.Exp(-0.01 * i + 0.1 * Math.Cos(2 * Math.PI * 3 * i / n))), 10_000, band: 1)!.Value;

        // The cosine is not exactly orthogonal to the fitted line, so compare with the detrended residual itself.
        var x = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var y = x.Select(i => -0.01 * i + 0.1 * Math.Cos(2 * Math.PI * 3 * i / n)).ToArray();
        var slope = x.Zip(y, (a, b) => (a - x.Average()) * (b - y.Average())).Sum() / x.Sum(a => (a - x.Average()) * (a - x.Average()));
        var residual = x.Select((a, i) => y[i] - y.Average() - slope * (a - x.Average()));
        Assert.Equal(residual.Sum(r => r * r) / 2, feature, 9);
    }

    [Fact]
    public void Oscillations_outscore_a_smooth_descent_and_the_window_is_respected()
    {
        var smooth = EarlyLossSpectrum.Feature(Loss(100, i => Math.Exp(-0.02 * i)), 500);
        var wiggly = EarlyLossSpectrum.Feature(Loss(100, i => Math.Exp(-0.02 * i + 0.3 * Math.Sin(i / 3.0))), 500);

        Assert.True(wiggly > smooth + 0.1);
        Assert.Null(EarlyLossSpectrum.Feature(Loss(100, i => 1), firstSteps: 50)); // 6 points in [0, 50]
    }

    [Fact]
    public void Auc_counts_wins_and_half_ties()
    {
        // Pairs (3,1) (3,3) (4,1) (4,3): wins 1 + ½ + 1 + 1 = 3.5 of 4.
        Assert.Equal(0.875, RocAuc.Compute([3, 4], [1, 3]));
        Assert.Equal(0.0, RocAuc.Compute([1], [2, 3]));
    }

    [Fact]
    public void Auc_interval_brackets_the_estimate_and_a_perfect_split_is_certain()
    {
        var interval = RocAuc.Interval([5, 6, 7, 8], [1, 2, 3, 4], resamples: 500);

        Assert.Equal((1.0, 1.0, 1.0), (interval.Estimate!.Value, interval.Lower!.Value, interval.Upper!.Value));

        var mixed = RocAuc.Interval([2, 5, 6, 8, 9], [1, 3, 4, 7], resamples: 500, seed: 3);
        Assert.True(mixed.Lower <= mixed.Estimate && mixed.Estimate <= mixed.Upper);
        Assert.True(mixed.Upper - mixed.Lower > 0.1);
    }
}
