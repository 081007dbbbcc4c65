namespace GrokDsl;

/// <summary>
/// Products in the symmetric group S_n over every pair (x, y), split into train and test sets: the S5
/// tasks of Power et al. 2022 (arXiv:2201.02177, appendix A.1.1: x·y, x·y·x⁻¹, x·y·x). Each
/// permutation is one token, its index in lexicographic order (vocabulary n!); the label is the index
/// of the product. Products compose left to right as in Power et al.'s code (sympy's convention):
/// (x·y)(i) = y(x(i)).
/// </summary>
[Component(ComponentKind.Dataset, "permutation-group")]
public sealed record PermutationGroup
{
    /// <summary>n, the number of permuted points; the group has n! elements and (n!)² pairs.</summary>
    [Range(Min = 2, Max = 6)]
    public int Degree { get; init; } = 5;

    /// <summary>"xy", "xyx^-1" (conjugation) or "xyx".</summary>
    public string Operation { get; init; } = "xy";

    /// <summary>Fraction of all pairs used for training, in (0, 1).</summary>
    [Range(Min = 0, Max = 1, MinExclusive = true, MaxExclusive = true)]
    public double TrainFraction { get; init; } = 0.5;

    /// <summary>Seed of the train/test split; null uses the run's seed.</summary>
    public int? SplitSeed { get; init; }
}
