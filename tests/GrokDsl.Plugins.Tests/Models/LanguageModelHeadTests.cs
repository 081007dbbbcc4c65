using GrokDsl.Contracts;
using GrokDsl.Plugins.Transformer;
using static GrokDsl.PluginTests.Models.ModelTesting;
using static TorchSharp.torch;

namespace GrokDsl.PluginTests.Models;

/// <summary>transformer with LanguageModelHead: logits at every position, each from the positions up to it only.</summary>
[Collection(GlobalTorchSeed.Name)]
public sealed class LanguageModelHeadTests
{
    static readonly TransformerProvider Provider = new();
    static readonly DatasetShape Sequences = DatasetShape.Sequences(sequenceLength: 6, vocabularySize: 9);
    static readonly Transformer Small = new() { Layers = 2, Width = 16, Heads = 2, MlpWidth = 32, LayerNorm = "pre", LanguageModelHead = true };

    [Fact]
    public void EveryPositionIsReadOutToTheVocabularyAndSeesOnlyThePositionsUpToIt()
    {
        using var model = Build(Provider, Small, Sequences);
        using var tokens = tensor(new long[] { 1, 2, 3, 4, 5, 6 }, [1, 6]);
        using var laterChanged = tensor(new long[] { 1, 2, 3, 8, 8, 8 }, [1, 6]);

        using var logits = model.forward(tokens);
        using var changed = model.forward(laterChanged);

        Assert.Equal([1L, 6, 9], logits.shape);
        using var before = logits.narrow(1, 0, 3);
        using var beforeChanged = changed.narrow(1, 0, 3);
        Assert.True(before.allclose(beforeChanged, rtol: 0, atol: 1e-6), "positions 0-2 must not see positions 3-5");
        using var after = logits.select(1, 3);
        using var afterChanged = changed.select(1, 3);
        Assert.False(after.allclose(afterChanged, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void TheHeadAndTheDatasetMustAgree()
    {
        var missing = Assert.Throws<ArgumentException>(() => Build(Provider, Small with { LanguageModelHead = false }, Sequences));
        Assert.Contains("LanguageModelHead = true", missing.Message);
        var misplaced = Assert.Throws<ArgumentException>(() => Build(Provider, Small, DatasetShape.Tokens(3, 8, 7)));
        Assert.Contains("needs a sequence dataset", misplaced.Message);
    }

    [Fact]
    public void TheOptionIsLeftOutWhileFalseSoExistingRunIdsStayAndTheHeadIsNotStacked()
    {
        Assert.DoesNotContain(nameof(Transformer.LanguageModelHead), ComponentOptions.From(Transformer.Nanda2023).Json);
        Assert.Null(Provider.StackingKey(ComponentOptions.From(Small), new ModelContext(Sequences, ScalarType.Float32)));
    }
}
