using GrokDsl.Contracts;
using GrokDsl.Plugins.Transformer;
using static GrokDsl.PluginTests.Models.ModelTesting;
using static TorchSharp.torch;

namespace GrokDsl.PluginTests.Models;

/// <summary>The transformer's attention weights (contract 1.5): one causal distribution per query, per head and layer.</summary>
[Collection(GlobalTorchSeed.Name)]
public sealed class AttentionWeightsTests
{
    static readonly DatasetShape Sequences = DatasetShape.Sequences(sequenceLength: 5, vocabularySize: 7);
    static readonly Transformer Small = new() { Layers = 2, Width = 8, Heads = 2, MlpWidth = 16, LayerNorm = "pre", LanguageModelHead = true };

    [Fact]
    public void EveryLayerGivesEachQueryADistributionOverTheKeysUpToIt()
    {
        using var model = Build(new TransformerProvider(), Small, Sequences);
        using var tokens = tensor(new long[] { 1, 2, 3, 4, 5, 6, 5, 4, 3, 2 }, [2, 5]);

        var weights = ((IAttentionModel)model).AttentionWeights(tokens);

        Assert.Equal(2, weights.Count);
        foreach (var w in weights)
        {
            Assert.Equal([2L, 2, 5, 5], w.shape);
            using var rowSums = w.sum(-1);
            using var one = ones_like(rowSums);
            Assert.True(rowSums.allclose(one, atol: 1e-6));
            using var future = w.triu(1);
            Assert.Equal(0, future.abs().max().item<float>());
            w.Dispose();
        }
    }

    [Fact]
    public void ZeroQueriesAndKeysAttendUniformlyOverTheCausalRow()
    {
        using var model = Build(new TransformerProvider(), Small with { Layers = 1 }, Sequences);
        Set(model, "blocks.0.attention.qkv.weight", new float[3 * 8 * 8]);
        using var tokens = tensor(new long[] { 1, 2, 3, 4, 5 }, [1, 5]);

        using var w = ((IAttentionModel)model).AttentionWeights(tokens).Single();

        // Row i: 1/(i + 1) on keys 0 … i.
        var expected = new float[25];
        for (var i = 0; i < 5; i++)
            for (var j = 0; j <= i; j++) expected[i * 5 + j] = 1f / (i + 1);
        using var uniform = tensor(expected, [5, 5]);
        Assert.True(w[0, 0].allclose(uniform, atol: 1e-6));
        Assert.True(w[0, 1].allclose(uniform, atol: 1e-6));
    }
}
