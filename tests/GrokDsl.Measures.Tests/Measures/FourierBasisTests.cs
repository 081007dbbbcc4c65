using GrokDsl.Plugins.Measures;

namespace GrokDsl.Measures.Tests.Measures;

public sealed class FourierBasisTests
{
    [Theory]
    [InlineData(31)]
    [InlineData(12)]
    [InlineData(2)]
    public void Rows_are_orthonormal(int p)
    {
        var basis = FourierBasis.Create(p);
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++)
            {
                var dot = 0.0;
                for (var a = 0; a < p; a++) dot += basis[i, a] * basis[j, a];
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 12);
            }
    }

    [Fact]
    public void Rows_follow_Nanda_order_const_then_cos_sin_pairs()
    {
        const int p = 7;
        var basis = FourierBasis.Create(p);
        Assert.Equal(1 / Math.Sqrt(p), basis[0, 3], 12);
        Assert.Equal(Math.Cos(2 * Math.PI * 2 * 3 / p) / Math.Sqrt(p / 2.0), basis[FourierBasis.CosRow(2), 3], 12);
        Assert.Equal(Math.Sin(2 * Math.PI * 2 * 3 / p) / Math.Sqrt(p / 2.0), basis[FourierBasis.SinRow(p, 2), 3], 12);
        Assert.Equal(-1, FourierBasis.SinRow(12, 6));
        Assert.Equal(3, FourierBasis.FrequencyCount(p));
    }
}
