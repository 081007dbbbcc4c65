using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>How sparse a layer's activations are over a set of examples.</summary>
/// <param name="Sparsity">Share of all activations (examples × units) with |a| ≤ threshold.</param>
/// <param name="DeadFraction">Share of units with |a| ≤ threshold on every example.</param>
public readonly record struct SparsityStatistics(double Sparsity, double DeadFraction);

/// <summary>Activation sparsity from exact counts, so that an all-zero layer reads exactly 1.</summary>
public static class ActivationSparsity
{
    /// <summary>The statistics of <paramref name="activations"/> [examples, units].</summary>
    public static SparsityStatistics Compute(Tensor activations, double threshold)
    {
        if (activations.dim() != 2) throw new ArgumentException("Activations must be [examples, units].", nameof(activations));
        using var scope = NewDisposeScope();
        var inactive = activations.abs().le(threshold);
        var (examples, units) = (activations.shape[0], activations.shape[1]);
        if (examples == 0 || units == 0) return new SparsityStatistics(double.NaN, double.NaN);
        var inactiveCount = inactive.sum().item<long>();
        var deadUnits = inactive.all(0).sum().item<long>();
        return new SparsityStatistics((double)inactiveCount / (examples * units), (double)deadUnits / units);
    }
}
