namespace GrokDsl;

/// <summary>
/// The equidistant and equivariant subclass datasets of Carvalho, d'Avila Garcez, Lamb and Vital Brazil,
/// "Grokking Explained: A Statistical Phenomenon" (arXiv:2502.01774, section 4 and appendix A). Each of
/// <see cref="BitPairs"/> = p pairs of r-dimensional Gaussians (d_i⁰, d_i¹) shares a covariance, with
/// ‖μ_i⁰ − μ_i¹‖ = 1; a base class j picks one member of every pair by the bits of j, so x ∈ R^(p·r) and
/// the squared distance between two base classes is the Hamming distance of their codes. Classes are
/// unions of base classes (subclasses). The training set is down-sampled per subclass by the paper's
/// Eq. 1 to shift its distribution away from the test set, which is drawn without down-sampling.
/// </summary>
[Component(ComponentKind.Dataset, "subclass-shift")]
public sealed record SubclassShift
{
    /// <summary>
    /// "equidistant" (appendix A.1: subclasses from a clique of codes at Hamming distance 2, so all
    /// subclass centroids are equidistant; paper: 4 classes × 2 subclasses) or "equivariant"
    /// (appendix A.2: the codes at distance ≤ 1 from each of the seeds 63, 240, 323, 396, which lie at
    /// distance 6 from each other; 4 classes × 10 subclasses; within a class D ≤ 2, across classes D ≥ 4).
    /// </summary>
    public string Variant { get; init; } = "equidistant";

    /// <summary>p, the number of Gaussian pairs (paper: 9, giving 512 base classes).</summary>
    [Range(Min = 2, Max = 16)]
    public int BitPairs { get; init; } = 9;

    /// <summary>r, the dimension of each Gaussian (paper: 13, so x ∈ R¹¹⁷).</summary>
    [Range(Min = 1)]
    public int PairDimension { get; init; } = 13;

    /// <summary>Number of classes (equivariant: at most 4, one per seed).</summary>
    [Range(Min = 2)]
    public int Classes { get; init; } = 4;

    /// <summary>
    /// Subclasses per class; null takes the paper's value (2 equidistant, 10 equivariant). Equidistant
    /// needs Classes × SubclassesPerClass ≤ BitPairs; equivariant at most BitPairs + 1.
    /// </summary>
    [Range(Min = 1)]
    public int? SubclassesPerClass { get; init; }

    /// <summary>Subclasses of each class that are down-sampled (the last ones of the class); γ_s = Classes × this.</summary>
    [Range(Min = 0)]
    public int DownsampledPerClass { get; init; } = 1;

    /// <summary>f of Eq. 1: 0 removes the down-sampled subclasses from training, 1 leaves them balanced.</summary>
    [Range(Min = 0, Max = 1)]
    public double Fraction { get; init; } = 0.2;

    /// <summary>
    /// γ_D of Eq. 1, the training-set budget: each down-sampled subclass gets s_s = ⌈f·γ_D/(f·γ_s + γ_r)⌉
    /// samples and every other subclass s_r = ⌊γ_D/(f·γ_s + γ_r)⌋ (paper example: 2000, f = 0.2 → 84 and 416).
    /// </summary>
    [Range(Min = 1)]
    public int TrainSamples { get; init; } = 2000;

    /// <summary>Test samples, spread evenly over all subclasses (paper: 10,000).</summary>
    [Range(Min = 1)]
    public int TestSamples { get; init; } = 10_000;

    /// <summary>
    /// Standard deviation of every coordinate around its centroid: the shared covariance Σ_i = σ²·I. The
    /// paper does not give Σ_i; 0.2 keeps the nearest-centroid error near 0.1 % for centroids √2 apart.
    /// </summary>
    [Range(Min = 0)]
    public double NoiseStd { get; init; } = 0.2;

    /// <summary>Seed of the Gaussian centroids; fixed by default so that runs with different seeds share one geometry.</summary>
    public int GeometrySeed { get; init; }

    /// <summary>Seed of the samples; null uses the run's seed.</summary>
    public int? DataSeed { get; init; }
}
