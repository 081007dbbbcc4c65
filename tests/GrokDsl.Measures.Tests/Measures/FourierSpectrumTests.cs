using GrokDsl.Measures.Tests.Support;
using GrokDsl.Plugins.Measures;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

public sealed class FourierSpectrumTests
{
    const int P = 31; // 15 non-constant frequencies

    // Columns over Z_31: cos 3, 2·sin 3, cos 7, ½(sin 7 + cos 7).
    static Tensor TwoFrequencyMatrix() => Matrix(
        a => Trig.Cos(3, a, P), a => 2 * Trig.Sin(3, a, P), a => Trig.Cos(7, a, P), a => 0.5 * (Trig.Sin(7, a, P) + Trig.Cos(7, a, P)));

    static Tensor Matrix(params Func<int, double>[] columns)
    {
        var values = new double[P * columns.Length];
        for (var a = 0; a < P; a++)
            for (var j = 0; j < columns.Length; j++) values[a * columns.Length + j] = columns[j](a);
        return tensor(values, [P, columns.Length], ScalarType.Float64);
    }

    [Fact]
    public void Weight_matrix_of_two_pure_frequencies_has_exactly_those_key_frequencies()
    {
        using var w = TwoFrequencyMatrix();

        var keys = KeyFrequencies.FromSignals(w);

        Assert.Equal([3, 7], keys.Frequencies);
        Assert.Equal(0.5, keys.Scores[3], 12);
        Assert.Equal(0.5, keys.Scores[7], 12);
        Assert.All(FourierSpectrum.BestFrequencies(w), n => Assert.Equal(1.0, n.Fraction, 12));
    }

    [Fact]
    public void Energies_are_squared_coefficients_per_frequency()
    {
        using var w = TwoFrequencyMatrix();

        var energies = FourierSpectrum.FrequencyEnergies(w);

        // ‖cos k‖² = ‖sin k‖² = p/2 on Z_p: (1 + 4)·15.5 for k = 3, (1 + ¼ + ¼)·15.5 for k = 7.
        Assert.Equal(16, energies.Length);
        Assert.Equal(77.5, energies[3], 9);
        Assert.Equal(23.25, energies[7], 9);
        Assert.Equal(0, energies.Where((_, k) => k is not (3 or 7)).Sum(), 9);
    }

    [Fact]
    public void Gini_of_two_frequency_norms_matches_hand_computation_and_is_near_its_extreme()
    {
        using var w = TwoFrequencyMatrix();
        var norms = FourierSpectrum.FrequencyEnergies(w)[1..].Select(Math.Sqrt).ToArray();

        var gini = FourierSpectrum.Gini(norms);

        // Sorted ascending, the non-zero norms a = √23.25 and b = √77.5 are 14th and 15th of n = 15:
        // G = (Σ (2i − n − 1) x_i) / (n Σ x) = (12a + 14b) / (15 (a + b)).
        var (a, b) = (Math.Sqrt(23.25), Math.Sqrt(77.5));
        Assert.Equal((12 * a + 14 * b) / (15 * (a + b)), gini, 9);
        Assert.True(gini > 13.0 / 15, $"Gini {gini} should be near its maximum 14/15.");
    }

    [Fact]
    public void Gini_is_zero_for_equal_values_and_n_minus_one_over_n_for_one_nonzero()
    {
        Assert.Equal(0, FourierSpectrum.Gini([2, 2, 2, 2]), 12);
        Assert.Equal(3.0 / 4, FourierSpectrum.Gini([0, 0, 5, 0]), 12);
        Assert.Equal(2.0 / 4, FourierSpectrum.Gini([0, 1, 1, 0]), 12);
    }

    [Fact]
    public void Ipr_is_one_for_pure_sinusoids_half_for_two_equal_frequencies_and_flat_for_a_spike()
    {
        using var w = Matrix(
            a => Trig.Cos(3, a, P),
            a => 2 * Trig.Sin(7, a, P) + 0.3,              // one frequency plus a constant: |X_0|² = (0.3·31)², |X_7|² = 4·(31/2)²
            a => Trig.Cos(3, a, P) + Trig.Cos(7, a, P),
            a => a == 0 ? 1 : 0);

        var ipr = FourierSpectrum.InverseParticipationRatios(w, r: 2);

        var (x0, x7) = (Math.Pow(0.3 * 31, 2), 4 * Math.Pow(31 / 2.0, 2));
        Assert.Equal(1.0, ipr[0], 9);
        Assert.Equal((x0 * x0 + x7 * x7) / Math.Pow(x0 + x7, 2), ipr[1], 9);
        Assert.Equal(0.5, ipr[2], 9);
        Assert.Equal(1.0 / 16, ipr[3], 9); // rfft of a spike: 16 equal magnitudes
    }

    [Fact]
    public void Sparsity_counts_the_fewest_frequencies_holding_the_share()
    {
        Assert.Equal((2, 1 - 2.0 / 15), FourierSpectrum.Sparsity([0, 0, 77.5, 0, 0, 0, 23.25, 0, 0, 0, 0, 0, 0, 0, 0], 0.9));
        Assert.Equal((1, 1 - 1.0 / 15), FourierSpectrum.Sparsity([0, 0, 77.5, 0, 0, 0, 23.25, 0, 0, 0, 0, 0, 0, 0, 0], 0.7));
        Assert.Equal(4, FourierSpectrum.Sparsity([1, 1, 1, 1], 1.0).Count);
    }
}
