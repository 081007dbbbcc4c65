using GrokDsl.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Mlp;

/// <summary>
/// The MLP of <see cref="GrokDsl.Mlp"/>: an input stage (token embeddings concatenated, or the flattened
/// input with tokens one-hot encoded), <c>Depth</c> hidden layers of Linear → optional LayerNorm →
/// activation, and an output Linear to the logits. Parameter names for the default configuration
/// (embedding, hidden, output) are those of the original one-hidden-layer model; further hidden layers
/// are "deeper.0", "deeper.1", … and layer norms "norms.0", …. The activation of hidden layer i is the
/// parameter-free module "activations.i", so a progress measure can hook the neurons; submodules are
/// invoked with call() for that reason.
/// </summary>
public sealed class EmbeddingMlp : nn.Module<Tensor, Tensor>
{
    private readonly Embedding? embedding;
    private readonly Linear hidden;
    private readonly ModuleList<Linear> deeper;
    private readonly ModuleList<LayerNorm> norms;
    private readonly ModuleList<ActivationLayer> activations;
    private readonly Linear output;

    private readonly double outputScale;
    private readonly int oneHotVocabulary;

    /// <param name="sequenceLength">Tokens per example, or 0 for feature inputs.</param>
    /// <param name="vocabularySize">Token values, or 0 for feature inputs.</param>
    /// <param name="featureCount">Features per example, or 0 for token inputs.</param>
    /// <param name="embed">Embed tokens (true) or read the flattened input (false).</param>
    public EmbeddingMlp(int sequenceLength, int vocabularySize, int featureCount, int classCount, bool embed, GrokDsl.Mlp options)
        : base(nameof(EmbeddingMlp))
    {
        outputScale = options.OutputScale;
        int inputWidth;
        if (embed)
        {
            embedding = nn.Embedding(vocabularySize, options.EmbeddingWidth);
            inputWidth = sequenceLength * options.EmbeddingWidth;
        }
        else if (sequenceLength > 0)
        {
            oneHotVocabulary = vocabularySize;
            inputWidth = sequenceLength * vocabularySize;
        }
        else
        {
            inputWidth = featureCount;
        }

        hidden = nn.Linear(inputWidth, options.HiddenWidth, hasBias: options.Bias);
        deeper = new ModuleList<Linear>([.. Enumerable.Range(1, options.Depth - 1)
            .Select(_ => nn.Linear(options.HiddenWidth, options.HiddenWidth, hasBias: options.Bias))]);
        norms = new ModuleList<LayerNorm>(options.LayerNorm
            ? [.. Enumerable.Range(0, options.Depth).Select(_ => nn.LayerNorm(options.HiddenWidth))]
            : []);
        activations = new ModuleList<ActivationLayer>([.. Enumerable.Range(0, options.Depth).Select(_ => new ActivationLayer(options.Activation))]);
        output = nn.Linear(options.HiddenWidth, classCount, hasBias: options.Bias);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = Input(input);
        for (var layer = 0; layer <= deeper.Count; layer++)
        {
            using var preActivation = (layer == 0 ? hidden : deeper[layer - 1]).call(x);
            x.Dispose();
            if (norms.Count > 0)
            {
                using var normalized = norms[layer].call(preActivation);
                x = activations[layer].call(normalized);
            }
            else
            {
                x = activations[layer].call(preActivation);
            }
        }
        using var last = x;
        return ModelScaling.ScaleLogits(output.call(last), outputScale);
    }

    // A fresh tensor the caller owns: [N, input width] in the parameters' dtype.
    Tensor Input(Tensor input)
    {
        if (embedding is not null)
        {
            using var embedded = embedding.call(input);
            return embedded.flatten(1);
        }
        if (oneHotVocabulary > 0)
        {
            using var oneHot = nn.functional.one_hot(input, oneHotVocabulary);
            using var flat = oneHot.flatten(1);
            return flat.to_type(hidden.weight!.dtype);
        }
        // An alias shares the caller's storage, so the uniform dispose in forward leaves the input intact.
        return input.dtype == hidden.weight!.dtype ? input.alias() : input.to_type(hidden.weight!.dtype);
    }
}
