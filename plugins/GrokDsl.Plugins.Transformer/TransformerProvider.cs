using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Transformer;

/// <summary>
/// The decoder-only transformer of <see cref="GrokDsl.Transformer"/>; needs token inputs. Stackable with every
/// option but the language-model head (<see cref="StackedTransformer"/>): runs that differ only in seed or
/// InitScale train together.
/// </summary>
public sealed class TransformerProvider : IStackableModelProvider, IValidatesOptions
{
    public string Id => "transformer";

    public void Validate(ComponentOptions options) => Validate(options.Bind<GrokDsl.Transformer>());

    static readonly string[] LayerNorms = ["none", "pre", "post"];
    static readonly string[] PositionalEmbeddings = ["learned", "sinusoidal"];

    public nn.Module<Tensor, Tensor> Create(ComponentOptions options, ModelContext context)
    {
        var o = Bind(options, context);
        var model = new DecoderTransformer(context.Shape.SequenceLength, context.Shape.VocabularySize, context.Shape.ClassCount, o);
        ModelScaling.ScaleInitialParameters(model, o.InitScale);
        return context.DType == ScalarType.Float32 ? model : model.to(context.DType);
    }

    // Initial values (seed, InitScale) are per run; every other option shapes the stacked model.
    public string? StackingKey(ComponentOptions options, ModelContext context)
    {
        var o = Bind(options, context);
        if (o.LanguageModelHead) return null;
        return $"transformer {ComponentOptions.From(o with { InitScale = 1 }).Json} {context.Shape} {context.DType}";
    }

    public nn.Module<Tensor, Tensor> CreateStacked(ComponentOptions options, ModelContext context, int runs) =>
        new StackedTransformer(runs, context.Shape, Bind(options, context), context.DType);

    // Per position of each example: the embedded input and the stream with positions added; per block the stream going
    // in, queries/keys/values, the attention output, its heads merged, the stream after attention and after the MLP
    // (8 widths), the MLP's pre- and post-activation (2 MLP widths), the attention weights (heads × positions) and, with
    // LayerNorm, two normalized streams. For Nanda et al.'s model the planner's estimate is then 1.6 times the memory
    // each stacked run was measured to add on the CPU (docs/performance.md): on the safe side.
    public long ActivationsPerExample(ComponentOptions options, ModelContext context)
    {
        var o = Bind(options, context);
        var positions = (long)context.Shape.SequenceLength;
        var perBlock = 8L * o.Width + 2L * o.MlpWidth + o.Heads * positions + (o.LayerNorm == "none" ? 0 : 2L * o.Width);
        return positions * (2L * o.Width + o.Layers * perBlock);
    }

    // The options, validated against themselves and the dataset.
    static GrokDsl.Transformer Bind(ComponentOptions options, ModelContext context)
    {
        var o = options.Bind<GrokDsl.Transformer>();
        Validate(o);
        if (!context.Shape.IsTokens)
            throw new ArgumentException("The transformer needs a dataset with token inputs (for modular-arithmetic, Encoding \"tokens\" or \"tokens-with-equals\").");
        if (context.Shape.IsSequence && !o.LanguageModelHead)
            throw new ArgumentException("The dataset is a sequence dataset, which predicts every position: set Transformer LanguageModelHead = true.");
        if (!context.Shape.IsSequence && o.LanguageModelHead)
            throw new ArgumentException("Transformer LanguageModelHead needs a sequence dataset (such as \"dyck\"); this dataset has one class per example.");
        return o;
    }

    public static void Validate(GrokDsl.Transformer o)
    {
        if (o.Layers < 1) throw new ArgumentException($"Transformer Layers must be at least 1, not {o.Layers}.");
        if (o.Width < 1 || o.Heads < 1 || o.MlpWidth < 1)
            throw new ArgumentException($"Transformer Width, Heads and MlpWidth must be positive, not {o.Width}, {o.Heads} and {o.MlpWidth}.");
        if (o.Width % o.Heads != 0)
            throw new ArgumentException($"Transformer Heads ({o.Heads}) must divide Width ({o.Width}).");
        if (!LayerNorms.Contains(o.LayerNorm))
            throw new ArgumentException($"Unknown Transformer LayerNorm '{o.LayerNorm}'; known: {string.Join(", ", LayerNorms)}.");
        if (!PositionalEmbeddings.Contains(o.PositionalEmbedding))
            throw new ArgumentException($"Unknown Transformer PositionalEmbedding '{o.PositionalEmbedding}'; known: {string.Join(", ", PositionalEmbeddings)}.");
        if (o.EmbeddingInitStd is { } std && !(double.IsFinite(std) && std > 0))
            throw new ArgumentException($"Transformer EmbeddingInitStd must be a positive finite number, not {std}.");
        Activations.Validate(o.Activation);
        ModelScaling.Validate(o.InitScale, o.OutputScale);
    }
}
