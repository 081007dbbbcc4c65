using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Contracts;

/// <summary>
/// An <see cref="Activations"/> nonlinearity as a parameter-free module. Models hold one per hidden layer
/// and invoke it with <c>call()</c>, so that progress measures can hook the post-activation neurons by
/// module name (Nanda et al.'s key frequencies read the MLP neurons after the ReLU).
/// </summary>
public sealed class ActivationLayer : nn.Module<Tensor, Tensor>
{
    private readonly string activation;

    public ActivationLayer(string activation) : base(nameof(ActivationLayer))
    {
        Activations.Validate(activation);
        this.activation = activation;
    }

    public override Tensor forward(Tensor input) => Activations.Apply(activation, input);
}
