using static TorchSharp.torch;

namespace GrokDsl.Runtime.Optimization;

/// <summary>The training losses, each a mean over the batch.</summary>
public static class Losses
{
    public static Tensor Compute(LossFunction loss, Tensor logits, Tensor targets, bool inFloat64) => loss switch
    {
        LossFunction.CrossEntropy => nn.functional.cross_entropy(inFloat64 ? logits.to_type(ScalarType.Float64) : logits, targets),
        LossFunction.Mse => MeanSquaredError(inFloat64 ? logits.to_type(ScalarType.Float64) : logits, targets),
        LossFunction.StableMaxCrossEntropy => StableMaxCrossEntropy(logits, targets),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, null),
    };

    /// <summary>MSE against one-hot targets, averaged over every element (as Omnigrok's MNIST notebook).</summary>
    public static Tensor MeanSquaredError(Tensor logits, Tensor targets)
    {
        using var oneHot = nn.functional.one_hot(targets, logits.shape[1]).to_type(logits.dtype);
        return nn.functional.mse_loss(logits, oneHot);
    }

    /// <summary>s(x) = x + 1 for x ≥ 0, 1 / (1 − x + ε) for x &lt; 0 (Prieto et al. 2025, utils.py, ε = 1e-30).</summary>
    public static Tensor StableMaxS(Tensor x) => where(x >= 0, x + 1, 1 / (1 - x + 1e-30));

    /// <summary>−log(s(z_y) / Σ_j s(z_j)), in float64 as the authors compute it.</summary>
    public static Tensor StableMaxCrossEntropy(Tensor logits, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var s = StableMaxS(logits.to_type(ScalarType.Float64));
        var logProbabilities = (s / s.sum(1, keepdim: true)).log();
        return nn.functional.nll_loss(logProbabilities, targets).MoveToOuterDisposeScope();
    }
}
