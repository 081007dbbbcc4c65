using GrokDsl.Analysis;
using GrokDsl.Measures.Tests.Support;

namespace GrokDsl.Measures.Tests.Analysis;

public sealed class TransitionSharpnessTests
{
    [Fact]
    public void Width_runs_from_the_start_of_the_final_ascent_to_the_high_level()
    {
        // min 0, max 1: low level 0.1, high level 0.9. A false start at 300 falls back below 0.1.
        SeriesPoint[] series =
        [
            new(0, 0), new(100, 0.05), new(200, 0.2), new(300, 0.05), new(400, 0.15),
            new(500, 0.5), new(600, 0.85), new(700, 0.95), new(800, 1.0),
        ];

        var width = TransitionSharpness.Width(series)!;

        Assert.Equal((400, 700, 300), (width.LowStep, width.HighStep, width.Width));
        Assert.Equal(Math.Log10(700.0 / 400), width.WidthDecades!.Value, 12);
        Assert.Null(TransitionSharpness.Width([new(0, 0.5), new(10, 0.5)]));
    }

    [Fact]
    public void Logistic_fit_recovers_a_known_midpoint_and_rate()
    {
        // y = 0.01 + 0.98 / (1 + exp(−6 (log10 step − 3.5))), 60 log-spaced steps in [10, 10^5], seeded noise ±0.01.
        var noise = new Random(7);
        var series = Enumerable.Range(0, 60)
            .Select(i => (long)Math.Round(Math.Pow(10, 1 + 4.0 * i / 59)))
            .Select(step => new SeriesPoint(step, 0.01 + 0.98 / (1 + Math.Exp(-6 * (Math.Log10(step) - 3.5))) + 0.02 * (noise.NextDouble() - 0.5)))
            .ToArray();

        var fit = LogisticFit.FitLogSteps(series)!;

        Assert.True(fit.Converged);
        Assert.Equal(3.5, fit.Midpoint, 2);
        Assert.InRange(fit.Rate, 5.7, 6.3);
        Assert.Equal(Math.Pow(10, 3.5), fit.MidpointStep, 0.02 * Math.Pow(10, 3.5));
        Assert.InRange(fit.Lower, 0.0, 0.02);
        Assert.InRange(fit.Upper, 0.98, 1.0);
        Assert.True(fit.RootMeanSquareError < 0.01);
        Assert.Equal(6 * 0.98 / 4, fit.MaxSlope, 1);
    }

    [Fact]
    public void Logistic_fit_handles_a_falling_curve()
    {
        var x = Enumerable.Range(0, 40).Select(i => i / 4.0).ToArray();
        var y = x.Select(v => 5 - 4 / (1 + Math.Exp(-2 * (v - 6)))).ToArray();

        var fit = LogisticFit.Fit(x, y)!;

        Assert.Equal(6, fit.Midpoint, 6);
        Assert.Equal(5, fit.Evaluate(-100), 6);
        Assert.Equal(1, fit.Evaluate(100), 6);
        Assert.Equal(2, Math.Abs(fit.Rate), 6);
    }

    [Fact]
    public void Test_accuracy_helpers_read_the_stream()
    {
        var run = Streams.Make(10_000, 100, _ => 1, step => step == 0 ? 0.01 : 0.01 + 0.99 / (1 + Math.Exp(-8 * (Math.Log10(step) - 3.3))));

        Assert.Equal(3.3, TransitionSharpness.TestAccuracySigmoid(run)!.Midpoint, 3);
        Assert.NotNull(TransitionSharpness.TestAccuracyWidth(run));
    }
}
