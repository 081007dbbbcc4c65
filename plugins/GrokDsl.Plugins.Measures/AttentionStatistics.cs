using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>One layer's attention, averaged over its heads and the rows of its sequences' real (not padding) positions.</summary>
/// <param name="Entropy">−Σ_j w_ij ln w_ij of a row, in nats: 0 when a query attends to one key, ln(i + 1) when uniform over its causal row.</param>
/// <param name="MaxWeight">The largest weight of a row: the attention mass on its top-1 key.</param>
/// <param name="BelowUniform">The share of a row's i + 1 causal keys whose weight is below 1/(i + 1), the uniform weight.</param>
public sealed record AttentionSummary(double Entropy, double MaxWeight, double BelowUniform);

/// <summary>The statistics of <see cref="AttentionSummary"/> from attention weights, in float64.</summary>
public static class AttentionStatistics
{
    /// <param name="weights">[N, heads, T, T], row i of a causal layer zero beyond key i.</param>
    /// <param name="lengths">Each sequence's real positions; rows (queries) at or beyond it are padding and left out.</param>
    public static AttentionSummary Summarize(Tensor weights, IReadOnlyList<long> lengths)
    {
        using var scope = NewDisposeScope();
        var w = weights.to_type(ScalarType.Float64);
        var t = w.shape[^1];
        var positions = arange(t, ScalarType.Float64, w.device);
        var rows = positions.unsqueeze(0).lt(tensor(lengths.ToArray(), device: w.device).unsqueeze(1)).unsqueeze(1).expand(w.shape[0], w.shape[1], t);

        var entropy = where(w.gt(0), w.mul(w.log()), zeros_like(w)).sum(-1).neg();
        var maxWeight = w.amax([-1]);
        var causal = ones(t, t, ScalarType.Bool, w.device).tril();
        var keys = positions.add(1).unsqueeze(1); // i + 1 keys in row i
        var belowUniform = w.lt(keys.reciprocal()).logical_and(causal).to_type(ScalarType.Float64).sum(-1).div(keys.squeeze(1));

        double Mean(Tensor perRow) => perRow.masked_select(rows).mean().item<double>();
        return new AttentionSummary(Mean(entropy), Mean(maxWeight), Mean(belowUniform));
    }
}
