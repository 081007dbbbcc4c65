namespace GrokDsl.Analysis.Prediction;

/// <summary>
/// Notsawo et al. (2023, "Predicting Grokking Long Before it Happens") predict grokking from oscillations of the
/// training loss in the first steps, quantified by the amplitude of the low-frequency part of its Fourier spectrum.
/// The paper's abstract does not pin the statistic down, so this is the one GrokDsl computes, stated exactly:
/// take ln(train loss) at the evaluation steps up to <c>firstSteps</c> (a uniform grid: the run's evaluation cadence),
/// remove its least-squares line (the descent itself is not an oscillation), take the discrete Fourier transform
/// of the residual r (length n), and sum |R_k|²/n over the non-constant frequencies k = 1..max(1, ⌊band·n/2⌋). With
/// band = 1 and odd n this is, by Parseval's theorem, exactly ½ Σ r²: Hjorth's "activity" (the variance) of the
/// detrended log-loss times n/2; a smaller band keeps only the slow oscillations the paper looks at.
/// </summary>
public static class EarlyLossSpectrum
{
    public const int MinimumPoints = 8;

    /// <summary>The spectral energy described above; null when fewer than <see cref="MinimumPoints"/> usable points lie in the window.</summary>
    public static double? Feature(IReadOnlyList<SeriesPoint> trainLoss, long firstSteps, double band = 0.5)
    {
        if (band is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(band), band, "The band is a fraction of the frequencies, in (0, 1].");
        var points = trainLoss.Where(p => p.Step <= firstSteps && p.Value > 0).ToList();
        if (points.Count < MinimumPoints) return null;

        var residual = Detrended(points);
        var n = residual.Length;
        var highest = Math.Max(1, (int)Math.Floor(band * n / 2.0));
        var energy = 0.0;
        for (var k = 1; k <= highest; k++)
        {
            // A direct DFT: n is the number of evaluations in the window (hundreds), so O(n²) is instant.
            double re = 0, im = 0;
            for (var t = 0; t < n; t++)
            {
                var angle = -2 * Math.PI * k * t / n;
                re += residual[t] * Math.Cos(angle);
                im += residual[t] * Math.Sin(angle);
            }
            energy += (re * re + im * im) / n;
        }
        return energy;
    }

    static double[] Detrended(IReadOnlyList<SeriesPoint> points)
    {
        var x = points.Select(p => (double)p.Step).ToArray();
        var y = points.Select(p => Math.Log(p.Value)).ToArray();
        var meanX = x.Average();
        var meanY = y.Average();
        double sxx = 0, sxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        var slope = sxx > 0 ? sxy / sxx : 0;
        return [.. y.Select((v, i) => v - (meanY + slope * (x[i] - meanX)))];
    }
}
