using GrokDsl.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Transformer;

/// <summary>
/// The decoder-only transformer of <see cref="GrokDsl.Transformer"/>. Token embedding W_E and learned
/// positional embedding W_pos start at N(0, 1/d) and the Linear layers at PyTorch's default, as in the
/// PyTorch reference of Nanda et al.'s model (shared/bench/pytorch_reference.py, class Tx); parameters
/// are created in the same order. The logits are read from the last position, or from every position with
/// <see cref="GrokDsl.Transformer.LanguageModelHead"/> (a causal language model). Submodules are invoked with
/// call() so that progress measures can hook them (e.g. "blocks.0.mlpActivation", the MLP neurons); the attention
/// weights, which the fused kernel keeps to itself, are recomputed for measures by <see cref="AttentionWeights"/>.
/// </summary>
public sealed class DecoderTransformer : nn.Module<Tensor, Tensor>, IAttentionModel
{
    private readonly Parameter tokenEmbedding;
    private readonly Parameter? positionEmbedding;
    private readonly Tensor? positionEncoding;
    private readonly ModuleList<DecoderBlock> blocks;
    private readonly nn.Module<Tensor, Tensor>? finalNorm;
    private readonly nn.Module<Tensor, Tensor> unembed;

    private readonly double outputScale;
    private readonly bool everyPosition;

    public DecoderTransformer(int sequenceLength, int vocabularySize, int classCount, GrokDsl.Transformer options)
        : base(nameof(DecoderTransformer))
    {
        var d = options.Width;
        outputScale = options.OutputScale;
        everyPosition = options.LanguageModelHead;
        tokenEmbedding = nn.Parameter(Embedding(vocabularySize, d, options.EmbeddingInitStd));
        if (options.PositionalEmbedding == "learned")
            positionEmbedding = nn.Parameter(Embedding(sequenceLength, d, options.EmbeddingInitStd));
        else
            positionEncoding = Sinusoidal(sequenceLength, d);
        blocks = new ModuleList<DecoderBlock>([.. Enumerable.Range(0, options.Layers).Select(_ => new DecoderBlock(options))]);
        if (options.LayerNorm == "pre") finalNorm = nn.LayerNorm(d);
        unembed = nn.Linear(d, classCount, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens) =>
        Logits(Embed(tokens), blocks, finalNorm, unembed, outputScale, everyPosition);

    /// <summary>Each block's attention weights [N, heads, T, T] on <paramref name="tokens"/>, computed along the forward pass.</summary>
    public IReadOnlyList<Tensor> AttentionWeights(Tensor tokens)
    {
        var weights = new List<Tensor>();
        var x = Embed(tokens);
        foreach (var block in blocks)
        {
            using var input = x;
            weights.Add(block.AttentionWeights(input));
            x = block.call(input);
        }
        x.Dispose();
        return weights;
    }

    // Token and position embeddings, [N, T, d].
    Tensor Embed(Tensor tokens)
    {
        var (n, t) = (tokens.shape[0], tokens.shape[1]);
        using var flatTokens = tokens.flatten();
        using var rows = tokenEmbedding.index_select(0, flatTokens);
        using var embedded = rows.view(n, t, -1);
        using var positions = (positionEmbedding ?? positionEncoding!)[..(int)t];
        return embedded.add(positions);
    }

    /// <summary>
    /// The residual stream [..., positions, width] (taken over and disposed) through the blocks, then the readout of
    /// its last position (or of every position, <paramref name="everyPosition"/>): LayerNorm where "pre" puts one, the
    /// unembedding and the output scale. Shared with <see cref="StackedTransformer"/>, whose stream has a leading run dimension.
    /// </summary>
    internal static Tensor Logits(Tensor residual, IEnumerable<DecoderBlock> blocks, nn.Module<Tensor, Tensor>? finalNorm,
        nn.Module<Tensor, Tensor> unembed, double outputScale, bool everyPosition = false)
    {
        var x = residual;
        foreach (var block in blocks)
        {
            using var input = x;
            x = block.call(input);
        }
        if (!everyPosition)
        {
            using var stream = x;
            x = stream.select(-2, -1);
        }
        if (finalNorm is not null)
        {
            using var last = x;
            x = finalNorm.call(last);
        }
        using var readout = x;
        return ModelScaling.ScaleLogits(unembed.call(readout), outputScale);
    }

    /// <summary>Vaswani et al.'s encoding as Power et al. write it: sin(pos / 10000^(i/d)) at even i, cos(pos / 10000^((i−1)/d)) at odd i.</summary>
    public static Tensor Sinusoidal(int length, int width)
    {
        var values = new float[length * width];
        for (var pos = 0; pos < length; pos++)
            for (var i = 0; i < width; i++)
                values[pos * width + i] = i % 2 == 0
                    ? (float)Math.Sin(pos / Math.Pow(10000, (double)i / width))
                    : (float)Math.Cos(pos / Math.Pow(10000, (double)(i - 1) / width));
        return tensor(values, [length, width]);
    }

    // N(0, 1/d) divides exactly as before the option existed, so that existing runs start from the same numbers.
    static Tensor Embedding(long rows, int d, double? std) =>
        std is { } s ? randn(rows, d).mul_(s) : randn(rows, d).div_(Math.Sqrt(d));
}
