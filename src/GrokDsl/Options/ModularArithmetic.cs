namespace GrokDsl;

/// <summary>
/// Binary operations modulo p over every pair (a, b), split into train and test sets
/// (Power et al. 2022, arXiv:2201.02177, appendix A.1.1, and the operators of their code,
/// openai/grok grok/data.py). Inputs are encoded as tokens [a, b] (the default), as tokens
/// [a, b, =] for transformers (Nanda et al. 2023, arXiv:2301.05217: p = 113, vocabulary p + 1),
/// or as two concatenated one-hot vectors (Gromov 2023, arXiv:2301.02679; Prieto et al. 2025,
/// arXiv:2501.04697).
/// </summary>
[Component(ComponentKind.Dataset, "modular-arithmetic")]
public sealed record ModularArithmetic
{
    /// <summary>The modulus p; inputs and labels lie in [0, p).</summary>
    [Range(Min = 2)]
    public int Modulus { get; init; } = 97;

    /// <summary>
    /// The operation, written in a and b (spaces are ignored): "a+b", "a-b", "a*b", "a/b" (a·b⁻¹;
    /// pairs with b = 0 do not exist), "a/b if b odd else a-b", "a^2+b^2", "a^2+ab+b^2",
    /// "a^2+ab+b^2+a", "a^3+ab", "a^3+ab^2+b", "a^2+b", "a^3+b", "a+b if a even else a*b",
    /// "a+b if a even else a-b". Operations that divide need a prime modulus.
    /// </summary>
    public string Operation { get; init; } = "a+b";

    /// <summary>Fraction of all p² pairs used for training, in (0, 1).</summary>
    [Range(Min = 0, Max = 1, MinExclusive = true, MaxExclusive = true)]
    public double TrainFraction { get; init; } = 0.5;

    /// <summary>Seed of the train/test split; null uses the run's seed.</summary>
    public int? SplitSeed { get; init; }

    /// <summary>
    /// Fraction of the training labels replaced by a different class drawn uniformly at random
    /// (exactly round(fraction · N) labels; seeded by the split seed). Test labels stay clean.
    /// Power et al. inject a count of wrong answers instead ("_noisy_N").
    /// </summary>
    [Range(Min = 0, Max = 1, MaxExclusive = true)]
    public double LabelNoise { get; init; }

    /// <summary>
    /// How a pair is presented: "tokens" (sequence [a, b], vocabulary p), "tokens-with-equals"
    /// (sequence [a, b, =] with "=" the token p, vocabulary p + 1, as in Nanda et al. 2023) or
    /// "one-hot" (2p float features: one-hot of a, then one-hot of b).
    /// </summary>
    public string Encoding { get; init; } = "tokens";
}
