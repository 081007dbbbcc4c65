using GrokDsl.Plugins.Measures;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

public sealed class SingularValueTests
{
    [Fact]
    public void Three_equal_singular_values_give_effective_rank_three()
    {
        using var m = diag(tensor(new double[] { 3, -3, 3, 0 }));

        var s = SingularValueStatistics.Summarize(m);

        Assert.Equal(3, s.EffectiveRank, 9);
        Assert.Equal(3, s.SpectralNorm, 9);
        Assert.Equal(9, s.NuclearNorm, 9);
        Assert.Equal(3, s.StableRank, 9);
    }

    [Fact]
    public void Rank_one_matrix_has_effective_rank_one()
    {
        using var u = tensor(new double[] { 1, 2, 3 }).unsqueeze(1);
        using var v = tensor(new double[] { 4, 5 }).unsqueeze(0);
        using var m = u.matmul(v);

        var s = SingularValueStatistics.Summarize(m);

        Assert.Equal(1, s.EffectiveRank, 6);
        Assert.Equal(Math.Sqrt(14) * Math.Sqrt(41), s.SpectralNorm, 9);
    }

    [Fact]
    public void Effective_rank_of_unequal_values_is_exp_entropy()
    {
        // p = (0.5, 0.25, 0.25): H = 1.5 ln 2, exp(H) = 2^1.5.
        Assert.Equal(Math.Pow(2, 1.5), SingularValueStatistics.EffectiveRank([2, 1, 1]), 12);
    }
}
