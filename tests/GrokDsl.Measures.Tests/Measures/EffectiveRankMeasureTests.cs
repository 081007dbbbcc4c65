using GrokDsl.Contracts;
using GrokDsl.Measures.Tests.Support;
using GrokDsl.Plugins.Measures;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

public sealed class EffectiveRankMeasureTests
{
    [Fact]
    public void Reports_per_matrix_statistics_and_aggregates()
    {
        using var data = ModularData.Addition(5);
        using var model = new FourierCircuit(5, 5, [1, 2], scale: 1);

        var values = new EffectiveRankProvider().Create(ComponentOptions.Empty).Measure(new MeasureContext(0, model, data));

        // The 5×4 table of cos/sin of two frequencies has orthogonal columns of equal norm √(5/2): rank 4, all equal.
        Assert.Equal(4, values["embedding.effective_rank"], 5);
        Assert.Equal(Math.Sqrt(2.5), values["embedding.spectral_norm"], 5);
        Assert.Equal(4, values["embedding.stable_rank"], 5);
        Assert.Equal(4, values["mean_effective_rank"], 5);
        Assert.Equal(Math.Sqrt(2.5), values["max_spectral_norm"], 5);
    }

    [Fact]
    public void Softmax_collapse_measure_reads_the_training_set()
    {
        using var data = ModularData.Addition(5);
        using var model = new FourierCircuit(5, 5, [1, 2], scale: 200);

        var values = new SoftmaxCollapseProvider().Create(ComponentOptions.From(new SoftmaxCollapse { IncludeTest = true }))
            .Measure(new MeasureContext(0, model, data));

        // Logit gaps of at least 200·(2 − max_{c≠t} Σ_k cos) ≈ 100 collapse every float32 softmax exactly onto the target.
        Assert.Equal(1, values["fraction"]);
        Assert.Equal(1, values["zero_loss_fraction"]);
        Assert.Equal(1, values["test_fraction"]);
    }
}
