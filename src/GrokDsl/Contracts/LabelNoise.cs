using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Contracts;

/// <summary>
/// Label noise as used in grokking studies (Power et al. 2022's "_noisy_N" datasets): a fixed number
/// of training labels is replaced by a wrong class. Shared so that every dataset means the same by it:
/// exactly round(fraction · N) labels change, each to a class drawn uniformly from the other classes.
/// </summary>
public static class LabelNoise
{
    /// <summary>How many of <paramref name="count"/> labels a fraction corrupts (nearest integer).</summary>
    public static int Count(int count, double fraction) => (int)Math.Round(fraction * count, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A copy of <paramref name="targets"/> (int64 class indices, [N]) with <see cref="Count"/> labels
    /// replaced by a different class; which labels, and by what, depends only on <paramref name="seed"/>.
    /// </summary>
    public static Tensor Apply(Tensor targets, int classCount, double fraction, ulong seed)
    {
        if (fraction is < 0 or >= 1 || double.IsNaN(fraction))
            throw new ArgumentException($"LabelNoise must lie in [0, 1), not {fraction}.");
        var n = (int)targets.shape[0];
        var noisy = Count(n, fraction);
        if (noisy == 0) return targets.clone();
        if (classCount < 2) throw new ArgumentException("LabelNoise needs at least two classes.");

        using var generator = new Generator(seed);
        using var order = randperm(n, generator: generator);
        using var chosen = order[..noisy];
        // Adding 1 + u, u uniform in [0, C-2], modulo C reaches every other class with equal probability.
        using var offsets = randint(0, classCount - 1, [noisy], dtype: ScalarType.Int64, generator: generator);
        using var original = targets.index_select(0, chosen);
        using var shifted = original.add(offsets).add_(1).remainder_(classCount);
        var result = targets.clone();
        result.index_copy_(0, chosen, shifted);
        return result;
    }
}
