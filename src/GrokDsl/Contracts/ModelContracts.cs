using static TorchSharp.torch;

namespace GrokDsl.Contracts;

/// <summary>What a model provider knows when it builds a model. The host seeds torch first.</summary>
public sealed record ModelContext(DatasetShape Shape, ScalarType DType);

/// <summary>Creates models. Implementations need a public parameterless constructor.</summary>
public interface IModelProvider
{
    string Id { get; }

    /// <summary>Builds the model on the CPU; it maps inputs to logits of shape [N, ClassCount].</summary>
    nn.Module<Tensor, Tensor> Create(ComponentOptions options, ModelContext context);
}
