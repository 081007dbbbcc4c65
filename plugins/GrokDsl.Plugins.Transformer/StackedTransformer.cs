using GrokDsl.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Transformer;

/// <summary>
/// <see cref="DecoderTransformer"/> for R runs at once: the same blocks and parameter names, each parameter with a
/// leading run dimension, every Linear a batched matrix product over the runs. Token ids are [R, N, L], logits
/// [R, N, classes]. A fixed sinusoidal encoding is one buffer shared by the runs.
/// </summary>
public sealed class StackedTransformer : nn.Module<Tensor, Tensor>
{
    private readonly Parameter tokenEmbedding;
    private readonly Parameter? positionEmbedding;
    private readonly Tensor? positionEncoding;
    private readonly ModuleList<DecoderBlock> blocks;
    private readonly nn.Module<Tensor, Tensor>? finalNorm;
    private readonly nn.Module<Tensor, Tensor> unembed;

    private readonly double outputScale;

    public StackedTransformer(int runs, DatasetShape shape, GrokDsl.Transformer options, ScalarType dtype) : base(nameof(StackedTransformer))
    {
        var layers = TransformerLayers.Stacked(runs);
        var d = options.Width;
        outputScale = options.OutputScale;
        tokenEmbedding = nn.Parameter(zeros(runs, shape.VocabularySize, d));
        if (options.PositionalEmbedding == "learned")
            positionEmbedding = nn.Parameter(zeros(runs, shape.SequenceLength, d));
        else
            positionEncoding = DecoderTransformer.Sinusoidal(shape.SequenceLength, d);
        blocks = new ModuleList<DecoderBlock>([.. Enumerable.Range(0, options.Layers).Select(_ => new DecoderBlock(options, layers))]);
        if (options.LayerNorm == "pre") finalNorm = layers.LayerNorm(d);
        unembed = layers.Linear(d, shape.ClassCount, hasBias: false);
        RegisterComponents();
        if (dtype != ScalarType.Float32) this.to(dtype);
    }

    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var t = (int)tokens.shape[^1];
        var embedded = StackedEmbedding.Lookup(tokenEmbedding, tokens);
        // Learned: run r's own [L, d] table, broadcast over its examples; sinusoidal: one [L, d] for every run.
        var positions = positionEmbedding is not null
            ? positionEmbedding[.., ..t].unsqueeze(1)
            : positionEncoding![..t];
        return DecoderTransformer.Logits(embedded.add(positions), blocks, finalNorm, unembed, outputScale).MoveToOuterDisposeScope();
    }
}
