using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// Softmax Collapse (Prieto et al. 2025, arXiv:2501.04697, §3; code <c>logger.py</c>,
/// <c>compute_softmax_collapse</c> and <c>compute_zero_terms</c>), evaluated in one floating-point type:
/// a sample has collapsed when Σ_j exp(z_j − max z) == 1 exactly, i.e. every other class's term fell
/// below the precision's resolution at 1; its loss is exactly zero when, in addition, its target holds the
/// maximum logit, so that −log softmax_target = log Σ_j exp(z_j − max z) − (z_target − max z) = 0.
/// </summary>
public static class SoftmaxCollapseStatistics
{
    /// <param name="logits">[N, C] logits in any floating type; they are cast to <paramref name="precision"/> first.</param>
    /// <param name="targets">[N] class indices.</param>
    public static (double CollapsedFraction, double ZeroLossFraction) Compute(Tensor logits, Tensor targets, ScalarType precision)
    {
        if (logits.dim() != 2) throw new ArgumentException("Softmax collapse needs [N, C] logits.", nameof(logits));
        var n = logits.shape[0];
        if (n == 0) return (double.NaN, double.NaN);
        using var scope = NewDisposeScope();
        var z = logits.detach().to_type(precision);
        var shifted = z - z.amax([1], keepdim: true);
        var sumExp = shifted.exp().sum(1, keepdim: true, type: precision);
        var collapsed = sumExp.eq(1).sum().item<long>();

        var logSoftmax = shifted - sumExp.log();
        var loss = -logSoftmax.gather(1, targets.to_type(ScalarType.Int64).unsqueeze(1));
        var zeroLoss = loss.eq(0).sum().item<long>();
        return ((double)collapsed / n, (double)zeroLoss / n);
    }

    public static ScalarType ToScalarType(SoftmaxPrecision precision, ScalarType modelType) => precision switch
    {
        SoftmaxPrecision.Model => modelType,
        SoftmaxPrecision.Float16 => ScalarType.Float16,
        SoftmaxPrecision.BFloat16 => ScalarType.BFloat16,
        SoftmaxPrecision.Float32 => ScalarType.Float32,
        SoftmaxPrecision.Float64 => ScalarType.Float64,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };
}
