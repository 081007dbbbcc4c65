using GrokDsl.Contracts;
using GrokDsl.Plugins.Transformer;
using static GrokDsl.PluginTests.Models.ModelTesting;
using static TorchSharp.torch;

namespace GrokDsl.PluginTests.Models;

/// <summary>transformer: hand parameter counts of the presets, a spelled-out reference forward pass, and the scales.</summary>
[Collection(GlobalTorchSeed.Name)]
public sealed class TransformerTests
{
    static readonly TransformerProvider Provider = new();

    // modular-arithmetic with Encoding "tokens-with-equals": [a, b, =], vocabulary p + 1, p classes.
    static DatasetShape WithEquals(int p) => DatasetShape.Tokens(3, p + 1, p);

    [Fact]
    public void Nanda2023HasTheHandCountedParameters()
    {
        using var model = Build(Provider, Transformer.Nanda2023, WithEquals(113));
        // p = 113, d = 128, 4 heads of 32, d_mlp = 512, no LayerNorm:
        //   W_E    114 · 128              = 14,592
        //   W_pos    3 · 128              =    384
        //   W_QKV  128 · 384  (no bias)   = 49,152
        //   W_O    128 · 128  (no bias)   = 16,384
        //   W_in   128 · 512 + 512        = 66,048
        //   W_out  512 · 128 + 128        = 65,664
        //   W_U    128 · 113  (no bias)   = 14,464
        //   total                         = 226,688
        Assert.Equal(226_688, ParameterCount(model));
        var shapes = Shapes(model);
        Assert.Equal([114L, 128], shapes["tokenEmbedding"]);
        Assert.Equal([3L, 128], shapes["positionEmbedding"]);
        Assert.Equal([384L, 128], shapes["blocks.0.attention.qkv.weight"]);
        Assert.Equal([113L, 128], shapes["unembed.weight"]);
        Assert.DoesNotContain(shapes.Keys, name => name.Contains("Norm"));
    }

    [Fact]
    public void Power2022HasAboutFourHundredThousandNonEmbeddingParameters()
    {
        using var model = Build(Provider, Transformer.Power2022, WithEquals(97));
        // Per layer: attention 4 · 128² = 65,536; feed-forward 2 · 128 · 512 (no biases) = 131,072;
        // two LayerNorms 2 · (128 + 128) = 512; so 197,120 per layer and 394,240 for two ("≈4·10⁵").
        // Embedding 98 · 128 = 12,544 and unembedding 128 · 97 = 12,416; sinusoidal positions are not parameters.
        Assert.Equal(394_240 + 12_544 + 12_416, ParameterCount(model));
        Assert.Contains(model.named_buffers(), b => b.name == "positionEncoding");
        Assert.DoesNotContain(Shapes(model).Keys, name => name.Contains("position"));
    }

    [Fact]
    public void MlpNeuronsCanBeHookedAfterTheActivation()
    {
        using var model = Build(Provider, Transformer.Nanda2023, WithEquals(7));
        using var tokens = tensor(new long[] { 1, 2, 7, 3, 4, 7 }, [2, 3]);
        using var neurons = Hooked(model, "blocks.0.mlpActivation", tokens);
        Assert.Equal([2L, 3, 512], neurons.shape);
        Assert.True(neurons.min().item<float>() >= 0); // after the ReLU
        Assert.True(neurons.max().item<float>() > 0);
    }

    [Fact]
    public void LogitsHaveOneRowPerExampleAndOneColumnPerClass()
    {
        using var model = Build(Provider, Transformer.Nanda2023, WithEquals(7));
        using var tokens = tensor(new long[] { 1, 2, 7, 3, 4, 7, 6, 6, 7, 0, 0, 7 }, [4, 3]);
        using var logits = model.forward(tokens);
        Assert.Equal([4L, 7], logits.shape);
    }

    public static TheoryData<Transformer> Configurations => new()
    {
        Transformer.Nanda2023,
        Transformer.Power2022,
        new Transformer { Layers = 2, Width = 12, Heads = 3, MlpWidth = 20, Activation = "gelu", LayerNorm = "pre", OutputScale = 2 },
        new Transformer { Layers = 3, Width = 8, Heads = 2, MlpWidth = 8, Activation = "quadratic", MlpBias = false },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void ForwardPassMatchesASpelledOutCausalTransformer(Transformer options)
    {
        using var model = Build(Provider, options, WithEquals(11), seed: 2);
        using var tokens = tensor(new long[] { 1, 2, 11, 10, 4, 11, 5, 5, 11 }, [3, 3]);
        using var logits = model.forward(tokens);
        using var expected = Reference(model, options, tokens);
        Assert.True(expected.allclose(logits, rtol: 1e-4, atol: 1e-5), $"max difference {(expected - logits).abs().max().item<float>()}");
    }

    [Fact]
    public void EarlierPositionsDoNotSeeLaterTokens()
    {
        // With two layers, position 1's first-layer output reaches the readout. Under a causal mask it
        // depends on tokens 0 and 1 only, so the model equals the reference that masks; the same
        // reference without the mask differs, so the comparison above would catch a missing mask.
        var options = new Transformer { Layers = 2, Width = 8, Heads = 2, MlpWidth = 8 };
        using var model = Build(Provider, options, WithEquals(5), seed: 1);
        using var tokens = tensor(new long[] { 1, 2, 5, 3, 0, 5 }, [2, 3]);
        using var causal = Reference(model, options, tokens);
        using var unmasked = Reference(model, options, tokens, causal: false);
        using var logits = model.forward(tokens);
        Assert.True(causal.allclose(logits, rtol: 1e-4, atol: 1e-5));
        Assert.False(unmasked.allclose(logits, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void InitScaleMultipliesEveryInitialParameterButNotTheFixedEncoding()
    {
        using var plain = Build(Provider, Transformer.Power2022, WithEquals(7), seed: 4);
        using var scaled = Build(Provider, Transformer.Power2022 with { InitScale = 8 }, WithEquals(7), seed: 4);

        Assert.Equal(8, Norm(scaled) / Norm(plain), 5);
        foreach (var (name, parameter) in plain.named_parameters())
        {
            using var expected = parameter * 8;
            Assert.True(expected.allclose(Parameter(scaled, name)), name);
        }
        var plainEncoding = plain.named_buffers().Single(b => b.name == "positionEncoding").buffer;
        var scaledEncoding = scaled.named_buffers().Single(b => b.name == "positionEncoding").buffer;
        Assert.Equal(plainEncoding.data<float>().ToArray(), scaledEncoding.data<float>().ToArray());
    }

    [Fact]
    public void OutputScaleMultipliesTheLogits()
    {
        using var plain = Build(Provider, Transformer.Nanda2023, WithEquals(7), seed: 4);
        using var scaled = Build(Provider, Transformer.Nanda2023 with { OutputScale = 3 }, WithEquals(7), seed: 4);
        using var tokens = tensor(new long[] { 1, 2, 7, 3, 4, 7 }, [2, 3]);
        using var a = plain.forward(tokens);
        using var b = scaled.forward(tokens);
        using var expected = a * 3;
        Assert.True(expected.allclose(b, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void SinusoidalEncodingFollowsPowerEtAl()
    {
        using var encoding = DecoderTransformer.Sinusoidal(3, 4);
        var values = encoding.data<float>().ToArray();
        // pos 2: i=0 sin(2), i=1 cos(2), i=2 sin(2/100), i=3 cos(2/100)
        Assert.Equal(Math.Sin(2), values[8], 5);
        Assert.Equal(Math.Cos(2), values[9], 5);
        Assert.Equal(Math.Sin(0.02), values[10], 5);
        Assert.Equal(Math.Cos(0.02), values[11], 5);
        Assert.Equal([0f, 1f, 0f, 1f], values[..4]);
    }

    [Theory]
    [InlineData("{\"Width\":128,\"Heads\":3}", "must divide Width")]
    [InlineData("{\"LayerNorm\":\"yes\"}", "LayerNorm")]
    [InlineData("{\"PositionalEmbedding\":\"rotary\"}", "PositionalEmbedding")]
    [InlineData("{\"Activation\":\"swish\"}", "Unknown activation")]
    [InlineData("{\"OutputScale\":-1}", "OutputScale")]
    public void InvalidOptionsAreRejected(string json, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Provider.Create(new ComponentOptions(json), new ModelContext(WithEquals(5), ScalarType.Float32)));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void FeatureInputsAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Provider.Create(ComponentOptions.Empty, new ModelContext(new DatasetShape(0, 0, 10, 5), ScalarType.Float32)));
        Assert.Contains("token inputs", error.Message);
    }

    /// <summary>
    /// The transformer written out with matrix products from the model's named parameters: per-head
    /// attention with an explicit lower-triangular mask, residual additions, LayerNorm where configured.
    /// </summary>
    static Tensor Reference(nn.Module model, Transformer o, Tensor tokens, bool causal = true)
    {
        using var scope = NewDisposeScope();
        Tensor P(string name) => Parameter(model, name);
        var (n, t, d, dh) = (tokens.shape[0], tokens.shape[1], (long)o.Width, (long)(o.Width / o.Heads));
        var positions = o.PositionalEmbedding == "learned" ? P("positionEmbedding") : DecoderTransformer.Sinusoidal((int)t, o.Width);
        var x = P("tokenEmbedding").index_select(0, tokens.flatten()).view(n, t, d) + positions[..(int)t];
        var mask = ones(t, t).tril();

        Tensor Norm(Tensor input, string name) =>
            nn.functional.layer_norm(input, [d], P(name + ".weight"), P(name + ".bias"), 1e-5);

        for (var layer = 0; layer < o.Layers; layer++)
        {
            var prefix = $"blocks.{layer}.";
            Tensor Attention(Tensor input)
            {
                var w = P(prefix + "attention.qkv.weight");
                var heads = new List<Tensor>();
                for (var h = 0; h < o.Heads; h++)
                {
                    Tensor Project(long block) => input.matmul(w.narrow(0, block * d + h * dh, dh).t());
                    var scores = Project(0).matmul(Project(1).transpose(1, 2)) / Math.Sqrt(dh);
                    if (causal) scores = scores.masked_fill(mask.eq(0), double.NegativeInfinity);
                    heads.Add(scores.softmax(-1).matmul(Project(2)));
                }
                return cat(heads, 2).matmul(P(prefix + "attention.output.weight").t());
            }
            Tensor Mlp(Tensor input)
            {
                var hidden = input.matmul(P(prefix + "mlpIn.weight").t());
                if (o.MlpBias) hidden += P(prefix + "mlpIn.bias");
                hidden = o.Activation switch
                {
                    "relu" => hidden.relu(),
                    "gelu" => nn.functional.gelu(hidden),
                    _ => hidden * hidden,
                };
                var result = hidden.matmul(P(prefix + "mlpOut.weight").t());
                return o.MlpBias ? result + P(prefix + "mlpOut.bias") : result;
            }

            x = o.LayerNorm switch
            {
                "pre" => x + Attention(Norm(x, prefix + "attentionNorm")),
                "post" => Norm(x + Attention(x), prefix + "attentionNorm"),
                _ => x + Attention(x),
            };
            x = o.LayerNorm switch
            {
                "pre" => x + Mlp(Norm(x, prefix + "mlpNorm")),
                "post" => Norm(x + Mlp(x), prefix + "mlpNorm"),
                _ => x + Mlp(x),
            };
        }

        var last = x.select(1, -1);
        if (o.LayerNorm == "pre") last = Norm(last, "finalNorm");
        var logits = last.matmul(P("unembed.weight").t()) * o.OutputScale;
        return logits.detach().MoveToOuterDisposeScope();
    }

    [Fact]
    public void Float64TrainingGivesFloat64ParametersAndLogits()
    {
        manual_seed(0);
        using var model = Provider.Create(ComponentOptions.From(Transformer.Power2022 with { Width = 8, Heads = 2, MlpWidth = 16 }), new ModelContext(WithEquals(5), ScalarType.Float64));
        Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float64, p.dtype));
        using var tokens = tensor(new long[] { 1, 2, 5, 3, 4, 5 }, [2, 3]);
        using var logits = model.forward(tokens);
        Assert.Equal(ScalarType.Float64, logits.dtype);
        Assert.Equal([2L, 5], logits.shape);
    }
}
