using GrokDsl.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Mlp;

/// <summary>
/// <see cref="EmbeddingMlp"/> for R runs at once: the same layers and parameter names, each parameter with a
/// leading run dimension, every Linear a batched matrix product. Inputs are [R, N, ...], logits [R, N, classes].
/// </summary>
public sealed class StackedMlp : nn.Module<Tensor, Tensor>
{
    private readonly StackedEmbedding? embedding;
    private readonly StackedLinear hidden;
    private readonly ModuleList<StackedLinear> deeper;
    private readonly ModuleList<StackedLayerNorm> norms;
    private readonly StackedLinear output;

    private readonly string activation;
    private readonly double outputScale;
    private readonly int oneHotVocabulary;
    private readonly ScalarType dtype;

    public StackedMlp(int runs, DatasetShape shape, bool embed, GrokDsl.Mlp options, ScalarType dtype) : base(nameof(StackedMlp))
    {
        (activation, outputScale, this.dtype) = (options.Activation, options.OutputScale, dtype);
        int inputWidth;
        if (embed)
        {
            embedding = new StackedEmbedding(runs, shape.VocabularySize, options.EmbeddingWidth);
            inputWidth = shape.SequenceLength * options.EmbeddingWidth;
        }
        else if (shape.IsTokens)
        {
            oneHotVocabulary = shape.VocabularySize;
            inputWidth = shape.SequenceLength * shape.VocabularySize;
        }
        else
        {
            inputWidth = shape.FeatureCount;
        }

        hidden = new StackedLinear(runs, inputWidth, options.HiddenWidth, options.Bias);
        deeper = new ModuleList<StackedLinear>([.. Enumerable.Range(1, options.Depth - 1)
            .Select(_ => new StackedLinear(runs, options.HiddenWidth, options.HiddenWidth, options.Bias))]);
        norms = new ModuleList<StackedLayerNorm>(options.LayerNorm
            ? [.. Enumerable.Range(0, options.Depth).Select(_ => new StackedLayerNorm(runs, options.HiddenWidth))]
            : []);
        output = new StackedLinear(runs, options.HiddenWidth, shape.ClassCount, options.Bias);
        RegisterComponents();
        if (dtype != ScalarType.Float32) this.to(dtype);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = Input(input);
        for (var layer = 0; layer <= deeper.Count; layer++)
        {
            x = (layer == 0 ? hidden : deeper[layer - 1]).call(x);
            if (norms.Count > 0) x = norms[layer].call(x);
            x = Activations.Apply(activation, x);
        }
        var logits = output.call(x);
        if (outputScale != 1) logits = logits.mul(outputScale);
        return logits.MoveToOuterDisposeScope();
    }

    // [R, N, input width] in the parameters' dtype.
    Tensor Input(Tensor input)
    {
        if (embedding is not null) return embedding.call(input).flatten(2);
        if (oneHotVocabulary > 0) return nn.functional.one_hot(input, oneHotVocabulary).flatten(2).to_type(dtype);
        return input.to_type(dtype);
    }
}
