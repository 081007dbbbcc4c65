using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>Spectral statistics of one weight matrix.</summary>
/// <param name="EffectiveRank">exp(H(p)), p_i = σ_i / Σσ (Roy and Vetterli 2007): 1 for rank one, n for n equal singular values.</param>
/// <param name="SpectralNorm">σ_max.</param>
/// <param name="NuclearNorm">Σσ (Hu et al. 2023, "trace").</param>
/// <param name="StableRank">‖W‖_F² / σ_max².</param>
public sealed record SpectralSummary(double EffectiveRank, double SpectralNorm, double NuclearNorm, double StableRank, IReadOnlyList<double> SingularValues);

/// <summary>Singular-value statistics of weight matrices (Roy and Vetterli 2007; Hu et al. 2023, arXiv:2308.09543).</summary>
public static class SingularValueStatistics
{
    /// <summary>The statistics of a 2-D tensor, computed in float64.</summary>
    public static SpectralSummary Summarize(Tensor matrix)
    {
        if (matrix.dim() != 2) throw new ArgumentException("Singular values need a 2-D tensor.", nameof(matrix));
        using var scope = NewDisposeScope();
        var singular = linalg.svdvals(matrix.detach().to_type(ScalarType.Float64)).cpu().data<double>().ToArray();
        return FromSingularValues(singular);
    }

    public static SpectralSummary FromSingularValues(IReadOnlyList<double> singularValues)
    {
        var max = singularValues.DefaultIfEmpty(0).Max();
        var nuclear = singularValues.Sum();
        var frobeniusSquared = singularValues.Sum(s => s * s);
        return new SpectralSummary(
            EffectiveRank(singularValues), max, nuclear, max > 0 ? frobeniusSquared / (max * max) : double.NaN, singularValues);
    }

    /// <summary>exp of the Shannon entropy (natural log) of the normalized singular values; zeros contribute 0; NaN for a zero matrix.</summary>
    public static double EffectiveRank(IReadOnlyList<double> singularValues)
    {
        var total = singularValues.Sum();
        if (!(total > 0)) return double.NaN;
        var entropy = 0.0;
        foreach (var s in singularValues)
            if (s > 0) entropy -= s / total * Math.Log(s / total);
        return Math.Exp(entropy);
    }
}
