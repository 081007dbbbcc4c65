using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Mlp;

/// <summary>The MLP of <see cref="GrokDsl.Mlp"/>, over token or feature inputs.</summary>
public sealed class MlpProvider : IModelProvider
{
    public string Id => "mlp";

    static readonly string[] Inputs = ["auto", "embedding", "flat"];

    public nn.Module<Tensor, Tensor> Create(ComponentOptions options, ModelContext context)
    {
        var o = options.Bind<GrokDsl.Mlp>();
        Validate(o);
        var shape = context.Shape;
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

        var model = new EmbeddingMlp(shape.SequenceLength, shape.VocabularySize, shape.FeatureCount, shape.ClassCount, embed, o);
        ModelScaling.ScaleInitialParameters(model, o.InitScale);
        return context.DType == ScalarType.Float32 ? model : model.to(context.DType);
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
