using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The real orthonormal Fourier basis of R^p, rows in the order of Nanda et al.'s
/// <c>make_fourier_basis</c> (arXiv:2301.05217, code <c>transformers.py</c>): the constant 1/√p, then
/// cos(2πka/p) and sin(2πka/p) for k = 1, …, ⌊p/2⌋, each scaled to unit norm. For even p the sine of
/// k = p/2 is identically zero and is left out (Nanda's code would divide it by zero), so there are
/// always exactly p rows.
/// </summary>
public static class FourierBasis
{
    /// <summary>The non-constant frequencies k = 1, …, ⌊p/2⌋.</summary>
    public static int FrequencyCount(int p) => p / 2;

    /// <summary>The row of cos k.</summary>
    public static int CosRow(int k) => 2 * k - 1;

    /// <summary>The row of sin k, or −1 for k = p/2 with even p, whose sine vanishes on Z_p.</summary>
    public static int SinRow(int p, int k) => 2 * k < p ? 2 * k : -1;

    /// <summary>The frequency a row belongs to (0 for the constant).</summary>
    public static int FrequencyOfRow(int row) => (row + 1) / 2;

    /// <summary>The basis as a [p, p] array, one basis vector per row.</summary>
    public static double[,] Create(int p)
    {
        if (p < 2) throw new ArgumentOutOfRangeException(nameof(p), p, "The modulus must be at least 2.");
        var basis = new double[p, p];
        for (var a = 0; a < p; a++) basis[0, a] = 1 / Math.Sqrt(p);
        for (var k = 1; k <= FrequencyCount(p); k++)
        {
            Fill(basis, CosRow(k), p, a => Math.Cos(2 * Math.PI * k * a / p));
            if (SinRow(p, k) >= 0) Fill(basis, SinRow(p, k), p, a => Math.Sin(2 * Math.PI * k * a / p));
        }
        return basis;
    }

    /// <summary>The basis as a float64 [p, p] tensor on <paramref name="device"/>.</summary>
    public static Tensor Tensor(int p, Device? device = null)
    {
        var basis = Create(p);
        var flat = new double[p * p];
        Buffer.BlockCopy(basis, 0, flat, 0, flat.Length * sizeof(double));
        return tensor(flat, [p, p], ScalarType.Float64, device);
    }

    static void Fill(double[,] basis, int row, int p, Func<int, double> f)
    {
        var norm = 0.0;
        for (var a = 0; a < p; a++) norm += f(a) * f(a);
        norm = Math.Sqrt(norm);
        for (var a = 0; a < p; a++) basis[row, a] = f(a) / norm;
    }
}
