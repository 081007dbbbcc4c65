using static TorchSharp.torch;

namespace GrokDsl.Contracts;

/// <summary>
/// A model that shows its attention (contract 1.5), for measures such as "attention". Fused attention kernels do not
/// return their weights, so a model that wants them measured computes them here, from the same parameters and inputs
/// as its forward pass.
/// </summary>
public interface IAttentionModel
{
    /// <summary>
    /// The attention weights of every layer on <paramref name="tokens"/> [N, T], first layer first, each [N, heads, T, T]:
    /// row t is query position t's distribution over the key positions (zero above the diagonal for causal attention).
    /// </summary>
    IReadOnlyList<Tensor> AttentionWeights(Tensor tokens);
}
