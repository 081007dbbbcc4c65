namespace GrokDsl;

/// <summary>
/// Sparse parity (Barak et al. 2022, arXiv:2207.08799): uniformly random n-bit strings labelled with
/// the parity of their first k bits; the other n − k bits are noise the model must learn to ignore.
/// Defaults follow Hu et al. 2023 (arXiv:2308.09543: n = 40, k = 3, ±1 inputs, 1,000 train and 100
/// test samples); Prieto et al. 2025's "3 parity bits + 40 noise bits" is Bits = 43. Train and test
/// strings are distinct. Two classes: 1 when the first k bits hold an odd number of ones.
/// </summary>
[Component(ComponentKind.Dataset, "sparse-parity")]
public sealed record SparseParity
{
    /// <summary>n, the length of each bit string (relevant plus noise bits).</summary>
    [Range(Min = 1, Max = 64)]
    public int Bits { get; init; } = 40;

    /// <summary>k, the number of leading bits whose parity is the label.</summary>
    [Range(Min = 1, Max = 64)]
    public int RelevantBits { get; init; } = 3;

    [Range(Min = 1)]
    public int TrainSamples { get; init; } = 1000;

    [Range(Min = 1)]
    public int TestSamples { get; init; } = 100;

    /// <summary>Fraction of training labels flipped (exactly round(fraction · N)); test labels stay clean.</summary>
    [Range(Min = 0, Max = 1, MaxExclusive = true)]
    public double LabelNoise { get; init; }

    /// <summary>
    /// "signed" (features ±1: bit 0 → +1, bit 1 → −1, so the label is odd exactly when the product of
    /// the first k features is −1), "binary" (features 0/1) or "tokens" (a sequence of n tokens, vocabulary 2).
    /// </summary>
    public string Encoding { get; init; } = "signed";

    /// <summary>Seed of the samples and the noise; null uses the run's seed.</summary>
    public int? DataSeed { get; init; }
}
