using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Mlp;

/// <summary>The MLP of <see cref="GrokDsl.Mlp"/>, over token or feature inputs; stackable (<see cref="StackedMlp"/>).</summary>
public sealed class MlpProvider : IStackableModelProvider, IValidatesOptions
{
    public string Id => "mlp";

    public void Validate(ComponentOptions options) => Validate(options.Bind<GrokDsl.Mlp>());

    static readonly string[] Inputs = ["auto", "embedding", "flat"];

    public nn.Module<Tensor, Tensor> Create(ComponentOptions options, ModelContext context)
    {
        var o = options.Bind<GrokDsl.Mlp>();
        var embed = Embeds(o, context.Shape);
        var shape = context.Shape;
        var model = new EmbeddingMlp(shape.SequenceLength, shape.VocabularySize, shape.FeatureCount, shape.ClassCount, embed, o);
        ModelScaling.ScaleInitialParameters(model, o.InitScale);
        return context.DType == ScalarType.Float32 ? model : model.to(context.DType);
    }

    // Initial values (seed, InitScale) are per run; everything else shapes the stacked model.
    public string? StackingKey(ComponentOptions options, ModelContext context)
    {
        var o = options.Bind<GrokDsl.Mlp>();
        var embed = Embeds(o, context.Shape);
        return $"mlp {ComponentOptions.From(o with { InitScale = 1 }).Json} embed={embed} {context.Shape} {context.DType}";
    }

    public nn.Module<Tensor, Tensor> CreateStacked(ComponentOptions options, ModelContext context, int runs)
    {
        var o = options.Bind<GrokDsl.Mlp>();
        return new StackedMlp(runs, context.Shape, Embeds(o, context.Shape), o, context.DType);
    }

    // Per example: the input row the first Linear keeps for backward, then per hidden layer the Linear's output, the
    // LayerNorm's when there is one, and the activation's.
    public long ActivationsPerExample(ComponentOptions options, ModelContext context)
    {
        var o = options.Bind<GrokDsl.Mlp>();
        var shape = context.Shape;
        var inputWidth = Embeds(o, shape) ? shape.SequenceLength * o.EmbeddingWidth
            : shape.IsTokens ? shape.SequenceLength * shape.VocabularySize
            : shape.FeatureCount;
        return inputWidth + (long)o.Depth * o.HiddenWidth * (o.LayerNorm ? 3 : 2);
    }

    // Validates the options against the dataset; true when tokens are embedded, false when the input is read flat.
    static bool Embeds(GrokDsl.Mlp o, DatasetShape shape)
    {
        Validate(o);
        var embed = o.Input switch
        {
            "embedding" when !shape.IsTokens => throw new ArgumentException(
                "The mlp's Input \"embedding\" needs a dataset with token inputs; use \"flat\" (or \"auto\") for feature inputs."),
            "embedding" => true,
            "flat" => false,
            _ => shape.IsTokens,
        };
        if (!shape.IsTokens && shape.FeatureCount <= 0)
            throw new ArgumentException($"The dataset has neither tokens nor features ({shape}).");
        return embed;
    }

    static void Validate(GrokDsl.Mlp o)
    {
        if (o.EmbeddingWidth <= 0 || o.HiddenWidth <= 0) throw new ArgumentException("Mlp widths must be positive.");
        if (o.Depth < 1) throw new ArgumentException($"Mlp Depth must be at least 1, not {o.Depth}.");
        if (!Inputs.Contains(o.Input)) throw new ArgumentException($"Unknown Mlp Input '{o.Input}'; known: {string.Join(", ", Inputs)}.");
        Activations.Validate(o.Activation);
        ModelScaling.Validate(o.InitScale, o.OutputScale);
    }
}
