using GrokDsl.Plugins.Measures;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

public sealed class AttentionStatisticsTests
{
    // One head, three causal rows: all on key 0; even over two keys; 0.7/0.2/0.1.
    static Tensor Rows() => tensor(new double[] { 1, 0, 0, 0.5, 0.5, 0, 0.7, 0.2, 0.1 }, [1, 1, 3, 3]);

    [Fact]
    public void Entropy_top1_mass_and_share_below_uniform_of_a_hand_built_attention_matrix()
    {
        using var weights = Rows();

        var summary = AttentionStatistics.Summarize(weights, [3]);

        var lastRow = -(0.7 * Math.Log(0.7) + 0.2 * Math.Log(0.2) + 0.1 * Math.Log(0.1));
        Assert.Equal((0 + Math.Log(2) + lastRow) / 3, summary.Entropy, 12);
        Assert.Equal((1 + 0.5 + 0.7) / 3, summary.MaxWeight, 12);
        // Row 0: its one key holds 1, not below 1; row 1: 0.5 is not below 1/2; row 2: 0.2 and 0.1 are below 1/3.
        Assert.Equal((0 + 0 + 2.0 / 3) / 3, summary.BelowUniform, 12);
    }

    [Fact]
    public void Padding_rows_are_left_out()
    {
        using var weights = Rows();

        var summary = AttentionStatistics.Summarize(weights, [2]);

        Assert.Equal(Math.Log(2) / 2, summary.Entropy, 12);
        Assert.Equal(0.75, summary.MaxWeight, 12);
        Assert.Equal(0, summary.BelowUniform, 12);
    }
}
