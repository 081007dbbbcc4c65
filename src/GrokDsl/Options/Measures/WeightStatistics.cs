namespace GrokDsl;

/// <summary>
/// Options of the <c>weight-statistics</c> measure: the metric set of Hu, Brandt, Wen et al. 2023 ("Latent State
/// Models of Training Dynamics", arXiv:2308.09543, §3): for each parameter and over all of them, L1 and L2 norms,
/// trace, spectral norm, code sparsity (L1/L2), computational sparsity (trace/spectral), mean and variance of the
/// singular values, and mean, median and variance of the weights and of the biases.
/// </summary>
[Component(ComponentKind.Measure, "weight-statistics")]
public sealed record WeightStatistics
{
    /// <summary>The parameters to analyse, by name; null takes every parameter.</summary>
    public IReadOnlyList<string>? Parameters { get; init; }

    /// <summary>Report "&lt;parameter&gt;.&lt;stat&gt;" for each parameter, not only "all.&lt;stat&gt;".</summary>
    public bool PerParameter { get; init; } = true;
}
