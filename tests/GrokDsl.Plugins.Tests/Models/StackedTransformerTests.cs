using GrokDsl.Contracts;
using GrokDsl.Plugins.Transformer;
using static GrokDsl.PluginTests.Models.ModelTesting;
using static TorchSharp.torch;

namespace GrokDsl.PluginTests.Models;

/// <summary>
/// The stacked transformer against R lone ones: same parameter names with a leading run dimension, and run r's
/// logits and gradients as run r's own model computes them, for each family of options.
/// </summary>
[Collection(GlobalTorchSeed.Name)]
public sealed class StackedTransformerTests
{
    static readonly TransformerProvider Provider = new();
    static readonly DatasetShape Shape = DatasetShape.Tokens(3, 12, 11); // [a, b, =] mod 11
    static readonly double[] InitScales = [1, 0.5, 2];

    public static TheoryData<Transformer> Configurations => new()
    {
        Transformer.Nanda2023 with { Width = 16, Heads = 4, MlpWidth = 24 },
        Transformer.Power2022 with { Width = 16, Heads = 2, MlpWidth = 24 },
        new Transformer { Layers = 2, Width = 12, Heads = 3, MlpWidth = 20, Activation = "gelu", LayerNorm = "pre", OutputScale = 2 },
        new Transformer { Layers = 3, Width = 8, Heads = 2, MlpWidth = 8, Activation = "quadratic", MlpBias = false, PositionalEmbedding = "sinusoidal" },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void EachRunsSliceComputesWhatItsOwnModelComputes(Transformer options)
    {
        var runs = InitScales.Length;
        var (lone, stacked) = LoneAndStacked(options);
        manual_seed(7);
        using var tokens = stack([.. Enumerable.Range(0, runs).Select(_ => Tokens(5))]); // [R, N, L], different per run

        using var logits = stacked.forward(tokens);
        logits.square().sum().backward();

        Assert.Equal([runs, 5L, Shape.ClassCount], logits.shape);
        for (var r = 0; r < runs; r++)
        {
            using var own = lone[r].forward(tokens[r]);
            own.square().sum().backward();
            using var slice = logits[r];
            AssertClose(own, slice, $"run {r}: logits");
            foreach (var (name, parameter) in lone[r].named_parameters())
            {
                using var stackedGradient = Parameter(stacked, name).grad![r];
                AssertClose(parameter.grad!, stackedGradient, $"run {r}: gradient of {name}");
            }
        }
        foreach (var model in lone) model.Dispose();
        stacked.Dispose();
    }

    [Fact]
    public void MoreSequencesThanOneAttentionCallTakesGiveTheSameLogits()
    {
        // R · N = 3 · 25,000 sequences, above the 65,535 that CUDA's attention kernels take in one call: they are
        // attended in chunks, which must keep every sequence with its own run and example.
        var (lone, stacked) = LoneAndStacked(new Transformer { Width = 4, Heads = 2, MlpWidth = 4 });
        manual_seed(7);
        using var tokens = stack([.. Enumerable.Range(0, lone.Count).Select(_ => Tokens(25_000))]);

        using var noGrad = no_grad();
        using var logits = stacked.forward(tokens);
        for (var r = 0; r < lone.Count; r++)
        {
            using var own = lone[r].forward(tokens[r]);
            using var slice = logits[r];
            AssertClose(own, slice, $"run {r}: logits");
        }
        foreach (var model in lone) model.Dispose();
        stacked.Dispose();
    }

    [Fact]
    public void StackedParametersAreTheLoneOnesWithALeadingRunDimension()
    {
        var options = Transformer.Power2022 with { Width = 16, MlpWidth = 24, LayerNorm = "pre" };
        using var lone = Build(Provider, options, Shape);
        using var stacked = Provider.CreateStacked(ComponentOptions.From(options), new ModelContext(Shape, ScalarType.Float32), 4);

        var expected = Shapes(lone).ToDictionary(p => p.Key, p => (long[])[4L, .. p.Value]);
        Assert.Equal(expected, Shapes(stacked));
        Assert.Contains(stacked.named_buffers(), b => b.name == "positionEncoding");
    }

    [Fact]
    public void RunsThatDifferOnlyInInitialValuesShareAStackingKey()
    {
        var context = new ModelContext(Shape, ScalarType.Float32);
        string? Key(Transformer o) => Provider.StackingKey(ComponentOptions.From(o), context);
        var nanda = Transformer.Nanda2023;

        Assert.NotNull(Key(nanda));
        Assert.Equal(Key(nanda), Key(nanda with { InitScale = 0.3 }));
        Assert.NotEqual(Key(nanda), Key(nanda with { Heads = 8 }));
        Assert.NotEqual(Key(nanda), Key(nanda with { LayerNorm = "post" }));
        Assert.NotEqual(Key(nanda), Key(nanda with { OutputScale = 2 }));
        Assert.NotEqual(Key(nanda), Provider.StackingKey(ComponentOptions.From(nanda), context with { DType = ScalarType.Float64 }));
        Assert.NotEqual(Key(nanda), Provider.StackingKey(ComponentOptions.From(nanda), context with { Shape = DatasetShape.Tokens(3, 14, 13) }));
    }

    [Fact]
    public void InvalidOptionsAreRejectedBeforeStacking()
    {
        var context = new ModelContext(Shape, ScalarType.Float32);
        var error = Assert.Throws<ArgumentException>(() => Provider.StackingKey(new ComponentOptions("{\"Width\":128,\"Heads\":3}"), context));
        Assert.Contains("must divide Width", error.Message);
        error = Assert.Throws<ArgumentException>(() =>
            Provider.CreateStacked(ComponentOptions.Empty, new ModelContext(new DatasetShape(0, 0, 10, 5), ScalarType.Float32), 2));
        Assert.Contains("token inputs", error.Message);
    }

    // One lone model per init scale (seeded 0, 1, ...; parameters perturbed apart) and the stacked model holding them.
    static (List<nn.Module<Tensor, Tensor>> Lone, nn.Module<Tensor, Tensor> Stacked) LoneAndStacked(Transformer options)
    {
        var lone = InitScales.Select((scale, seed) => Build(Provider, options with { InitScale = scale }, Shape, seed)).ToList();
        for (var r = 0; r < lone.Count; r++) Perturb(lone[r], r);
        var stacked = Provider.CreateStacked(ComponentOptions.From(options), new ModelContext(Shape, ScalarType.Float32), lone.Count);
        for (var r = 0; r < lone.Count; r++) CopyIntoSlice(stacked, lone[r], r);
        return (lone, stacked);
    }

    // Float rounding differs between one batched product and R small ones: compare against the tensor's magnitude.
    static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        using var scope = NewDisposeScope();
        var difference = (expected - actual).abs().max().item<float>();
        var magnitude = expected.abs().max().item<float>();
        Assert.True(difference <= 1e-5 * Math.Max(1, magnitude), $"{what} differ by up to {difference} (magnitude {magnitude})");
    }

    // [N, 3] rows [a, b, =] with a, b < 11.
    static Tensor Tokens(int n)
    {
        using var operands = randint(0, 11, [n, 2], dtype: ScalarType.Int64);
        using var equals = full([n, 1], 11L, dtype: ScalarType.Int64);
        return cat([operands, equals], 1);
    }

    // Every parameter moved off its initial value (LayerNorm's ones and zeros included), differently per run.
    static void Perturb(nn.Module model, int seed)
    {
        using var noGrad = no_grad();
        manual_seed(100 + seed);
        foreach (var parameter in model.parameters())
        {
            using var noise = randn_like(parameter).mul_(0.1);
            parameter.add_(noise);
        }
    }
}
