using GrokDsl.Contracts;
using GrokDsl.Plugins.Mlp;
using static GrokDsl.PluginTests.Models.ModelTesting;
using static TorchSharp.torch;

namespace GrokDsl.PluginTests.Models;

/// <summary>mlp: shapes, hand parameter counts, activations on a hand-set network, and the two scales.</summary>
[Collection(GlobalTorchSeed.Name)]
public sealed class MlpTests
{
    static readonly MlpProvider Provider = new();
    static readonly DatasetShape ModularAddition97 = DatasetShape.Tokens(2, 97, 97);

    [Fact]
    public void TheDefaultExperimentsModelKeepsItsParameterNamesAndShapes()
    {
        using var model = Build(Provider, new Mlp(), ModularAddition97);

        var shapes = Shapes(model);
        Assert.Equal(["embedding.weight", "hidden.weight", "hidden.bias", "output.weight", "output.bias"], shapes.Keys);
        Assert.Equal([97L, 64], shapes["embedding.weight"]);
        Assert.Equal([256L, 128], shapes["hidden.weight"]);
        Assert.Equal([97L, 256], shapes["output.weight"]);
        // 97·64 + (2·64·256 + 256) + (256·97 + 97) = 6,208 + 33,024 + 24,929
        Assert.Equal(64_161, ParameterCount(model));
        using var tokens = tensor(new long[] { 1, 2, 3, 4, 5, 6 }, [3, 2]);
        using var logits = model.forward(tokens);
        Assert.Equal([3L, 97], logits.shape);
    }

    [Fact]
    public void HiddenNeuronsCanBeHookedAfterTheActivation()
    {
        using var model = Build(Provider, new Mlp { Depth = 2 }, ModularAddition97);
        using var tokens = tensor(new long[] { 1, 2, 3, 4 }, [2, 2]);
        using var neurons = Hooked(model, "activations.1", tokens);
        Assert.Equal([2L, 256], neurons.shape);
        Assert.True(neurons.min().item<float>() >= 0); // after the ReLU
    }

    [Fact]
    public void OmnigrokMnistPresetHasTheHandCountedParameters()
    {
        using var model = Build(Provider, Mlp.OmnigrokMnist with { InitScale = 1 }, new DatasetShape(0, 0, 784, 10));
        // Linear 784→200, 200→200, 200→10 with biases: 157,000 + 40,200 + 2,010
        Assert.Equal(199_210, ParameterCount(model));
        using var images = randn(5, 784);
        using var logits = model.forward(images);
        Assert.Equal([5L, 10], logits.shape);
    }

    [Fact]
    public void FeatureInputsSurviveTheForwardPass()
    {
        // The trainer evaluates the same test tensor again and again; the model must not dispose it.
        using var model = Build(Provider, new Mlp { HiddenWidth = 4 }, new DatasetShape(0, 0, 3, 2));
        using var input = randn(5, 3);
        using var first = model.forward(input);
        using var second = model.forward(input);
        Assert.Equal(first.data<float>().ToArray(), second.data<float>().ToArray());
    }

    [Fact]
    public void Prieto2025PresetOnTwoHotInputsHasNoBiases()
    {
        using var model = Build(Provider, Mlp.Prieto2025, new DatasetShape(0, 0, 226, 113));
        // 226·200 + 200·200 + 200·113, no biases: 45,200 + 40,000 + 22,600
        Assert.Equal(107_800, ParameterCount(model));
        Assert.DoesNotContain(Shapes(model).Keys, name => name.EndsWith("bias"));
    }

    [Fact]
    public void DepthAndLayerNormAddTheExpectedLayers()
    {
        using var model = Build(Provider, new Mlp { Depth = 3, HiddenWidth = 8, EmbeddingWidth = 4, LayerNorm = true }, DatasetShape.Tokens(2, 5, 5));
        var shapes = Shapes(model);
        Assert.Equal([8L, 8], shapes["deeper.1.weight"]);
        Assert.Equal([8L], shapes["norms.2.weight"]);
        // 5·4 + (8·8 + 8) + 2·(8·8 + 8) + 3·(8 + 8) + (8·5 + 5) = 20 + 72 + 144 + 48 + 45
        Assert.Equal(329, ParameterCount(model));
    }

    [Fact]
    public void FlatInputOneHotEncodesTokens()
    {
        using var model = Build(Provider, new Mlp { Input = "flat", HiddenWidth = 3, Activation = "quadratic", Bias = false }, DatasetShape.Tokens(2, 4, 4));
        Assert.Equal([3L, 8], Shapes(model)["hidden.weight"]); // 2 positions × 4 token values

        // Hidden unit j reads weight column (position·4 + token): one-hot input picks two columns.
        Set(model, "hidden.weight", [.. Enumerable.Range(0, 24).Select(i => (float)i)]);
        Set(model, "output.weight", [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
        using var tokens = tensor(new long[] { 1, 2 }, [1, 2]);
        using var logits = model.forward(tokens);
        // hidden = W[:, 1] + W[:, 4 + 2] = rows of 8: unit 0: 1 + 6 = 7 → 49; unit 1: 9 + 14 = 23 → 529; unit 2: 17 + 22 = 39 → 1521
        Assert.Equal([49f, 529f, 1521f, 0f], logits.data<float>().ToArray());
    }

    [Theory]
    // One hidden layer of width 2 on two features with identity weights; output sums the hidden units.
    [InlineData("relu", 3f, -2f, 3f)]
    [InlineData("quadratic", 3f, -2f, 13f)]
    [InlineData("gelu", 1f, 0f, 0.8413447f)] // gelu(1) = Φ(1), gelu(0) = 0
    public void ActivationsComputeTheirFormula(string activation, float x0, float x1, float expected)
    {
        using var model = Build(Provider, new Mlp { HiddenWidth = 2, Activation = activation, Bias = false }, new DatasetShape(0, 0, 2, 1));
        Set(model, "hidden.weight", [1, 0, 0, 1]);
        Set(model, "output.weight", [1, 1]);
        using var input = tensor(new[] { x0, x1 }, [1, 2]);
        using var logits = model.forward(input);
        Assert.Equal(expected, logits.item<float>(), 5);
    }

    [Fact]
    public void InitScaleMultipliesEveryInitialParameter()
    {
        using var plain = Build(Provider, new Mlp { Depth = 2, LayerNorm = true }, ModularAddition97, seed: 3);
        using var scaled = Build(Provider, new Mlp { Depth = 2, LayerNorm = true, InitScale = 8 }, ModularAddition97, seed: 3);

        Assert.Equal(8, Norm(scaled) / Norm(plain), 5);
        foreach (var (name, parameter) in plain.named_parameters())
        {
            using var expected = parameter * 8;
            Assert.True(expected.allclose(Parameter(scaled, name)), name);
        }
    }

    [Fact]
    public void OutputScaleMultipliesTheLogits()
    {
        using var plain = Build(Provider, new Mlp(), ModularAddition97, seed: 3);
        using var scaled = Build(Provider, new Mlp { OutputScale = 0.25 }, ModularAddition97, seed: 3);
        using var tokens = tensor(new long[] { 5, 9, 96, 0 }, [2, 2]);
        using var a = plain.forward(tokens);
        using var b = scaled.forward(tokens);
        using var expected = a * 0.25;
        Assert.True(expected.allclose(b, rtol: 1e-5, atol: 1e-6));
    }

    [Theory]
    [InlineData("{\"Input\":\"embedding\"}", "token inputs")]
    [InlineData("{\"Activation\":\"tanh\"}", "Unknown activation")]
    [InlineData("{\"Input\":\"onehot\"}", "Unknown Mlp Input")]
    [InlineData("{\"InitScale\":0}", "InitScale")]
    [InlineData("{\"Depth\":0}", "Depth")]
    public void InvalidOptionsAreRejected(string json, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Provider.Create(new ComponentOptions(json), new ModelContext(new DatasetShape(0, 0, 4, 2), ScalarType.Float32)));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Float64TrainingBuildsEveryParameterInFloat64()
    {
        // Omnigrok trains in float64; feature inputs arrive in float32 from the datasets and are converted.
        manual_seed(0);
        using var model = Provider.Create(ComponentOptions.From(Mlp.OmnigrokMnist), new ModelContext(new DatasetShape(0, 0, 6, 3), ScalarType.Float64));
        Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float64, p.dtype));
        using var features = randn(4, 6);
        using var logits = model.forward(features);
        Assert.Equal(ScalarType.Float64, logits.dtype);
        Assert.Equal([4L, 3], logits.shape);
    }
}
