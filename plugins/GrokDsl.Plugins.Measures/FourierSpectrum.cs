using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// Spectra over Z_p of "signals": the columns of a [p, m] matrix, each a function of one residue
/// (an embedding dimension as a function of the token, a neuron's weights over one operand).
/// Pure functions; tensors in, numbers out.
/// </summary>
public static class FourierSpectrum
{
    /// <summary>Coefficients of every column in <see cref="FourierBasis"/>: a float64 [p, m] tensor.</summary>
    public static Tensor Coefficients(Tensor signals)
    {
        var p = (int)signals.shape[0];
        using var basis = FourierBasis.Tensor(p, signals.device);
        using var x = signals.to_type(ScalarType.Float64);
        return basis.matmul(x);
    }

    /// <summary>
    /// Energy per frequency summed over the columns: index 0 is the constant, index k the squared
    /// cos k and sin k coefficients. The per-frequency norms are their square roots.
    /// </summary>
    public static double[] FrequencyEnergies(Tensor signals)
    {
        var p = (int)signals.shape[0];
        using var coefficients = Coefficients(signals);
        using var squares = coefficients.square();
        using var perRow = squares.sum(1).cpu();
        var rows = perRow.data<double>().ToArray();
        var energies = new double[FourierBasis.FrequencyCount(p) + 1];
        for (var row = 0; row < p; row++) energies[FourierBasis.FrequencyOfRow(row)] += rows[row];
        return energies;
    }

    /// <summary>
    /// Gini coefficient of non-negative values, Σ_i (2i − n − 1)·x_(i) / (n·Σx) with x sorted ascending
    /// and i from 1: 0 when all are equal, (n − 1)/n when one holds everything. NaN when all are 0.
    /// </summary>
    public static double Gini(IReadOnlyList<double> values)
    {
        if (values.Any(v => v < 0 || double.IsNaN(v))) throw new ArgumentException("Gini needs non-negative values.", nameof(values));
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var total = sorted.Sum();
        if (n == 0 || total == 0) return double.NaN;
        var weighted = 0.0;
        for (var i = 0; i < n; i++) weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        return weighted / (n * total);
    }

    /// <summary>
    /// Frequency sparsity: the fewest frequencies whose energies add up to <paramref name="share"/> of the
    /// total, and 1 − that count / the number of frequencies (0: spread over all, near 1: a few carry it).
    /// </summary>
    public static (int Count, double Sparsity) Sparsity(IReadOnlyList<double> energies, double share)
    {
        var total = energies.Sum();
        if (energies.Count == 0 || total <= 0) return (0, double.NaN);
        var count = 0;
        var accumulated = 0.0;
        foreach (var e in energies.OrderDescending())
        {
            accumulated += e;
            count++;
            if (accumulated >= share * total * (1 - 1e-12)) break;
        }
        return (count, 1 - (double)count / energies.Count);
    }

    /// <summary>
    /// Inverse participation ratio of each column (Gromov 2023, arXiv:2301.02679, Eq. 20–21):
    /// IPR_r = Σ_k (|ŵ_k| / ‖ŵ‖)^(2r) over the one-sided DFT ŵ = rfft(w), constant term included, as
    /// in the <c>d-doshi/Grokking</c> code (<c>calculate_ipr(np.absolute(np.fft.rfft(row)), r)</c>).
    /// 1 for a pure sinusoid (or a constant), 1/(⌊p/2⌋ + 1) for a flat spectrum; NaN for a zero column.
    /// </summary>
    public static double[] InverseParticipationRatios(Tensor signals, int r = 2)
    {
        var p = (int)signals.shape[0];
        using var coefficients = Coefficients(signals);
        using var cpu = coefficients.cpu();
        var m = (int)signals.shape[1];
        var c = cpu.data<double>().ToArray();
        var result = new double[m];
        for (var j = 0; j < m; j++)
        {
            // |rfft_k| from orthonormal coefficients: √p·|c_0| for the constant (and for k = p/2 with even
            // p, whose only basis vector is the alternating ±1/√p), √(p/2)·√(cos_k² + sin_k²) otherwise.
            var magnitudes = new double[FourierBasis.FrequencyCount(p) + 1];
            magnitudes[0] = p * c[j] * c[j];
            for (var k = 1; k <= FourierBasis.FrequencyCount(p); k++)
            {
                var cos = c[FourierBasis.CosRow(k) * m + j];
                var sinRow = FourierBasis.SinRow(p, k);
                var sin = sinRow < 0 ? 0 : c[sinRow * m + j];
                magnitudes[k] = sinRow < 0 ? p * cos * cos : p / 2.0 * (cos * cos + sin * sin);
            }
            result[j] = Ipr(magnitudes, r);
        }
        return result;
    }

    /// <summary>
    /// Each column's best frequency: the k ≥ 1 whose cos k and sin k coefficients explain the largest
    /// fraction of the column's centred variance (the constant is left out, which is centring), with
    /// that fraction. Columns with no variance get frequency 0 and fraction NaN.
    /// </summary>
    public static (int Frequency, double Fraction)[] BestFrequencies(Tensor signals)
    {
        var p = (int)signals.shape[0];
        var m = (int)signals.shape[1];
        using var coefficients = Coefficients(signals);
        using var cpu = coefficients.cpu();
        var c = cpu.data<double>().ToArray();
        var result = new (int, double)[m];
        for (var j = 0; j < m; j++)
        {
            var perFrequency = new double[FourierBasis.FrequencyCount(p) + 1];
            for (var row = 1; row < p; row++) perFrequency[FourierBasis.FrequencyOfRow(row)] += c[row * m + j] * c[row * m + j];
            result[j] = Best(perFrequency);
        }
        return result;
    }

    /// <summary>The k ≥ 1 with the largest energy and its share of the energy of all k ≥ 1 (ties: smallest k).</summary>
    internal static (int Frequency, double Fraction) Best(IReadOnlyList<double> energyByFrequency)
    {
        var total = 0.0;
        var best = 0;
        for (var k = 1; k < energyByFrequency.Count; k++)
        {
            total += energyByFrequency[k];
            if (best == 0 || energyByFrequency[k] > energyByFrequency[best]) best = k;
        }
        return total <= 0 ? (0, double.NaN) : (best, energyByFrequency[best] / total);
    }

    // Σ (|x_k|/‖x‖)^(2r) from squared magnitudes |x_k|².
    static double Ipr(double[] squaredMagnitudes, int r)
    {
        var total = squaredMagnitudes.Sum();
        if (total <= 0) return double.NaN;
        return squaredMagnitudes.Sum(s => Math.Pow(s / total, r));
    }
}
