namespace GrokDsl;

/// <summary>
/// Options of the <c>effective-rank</c> measure: singular values of weight matrices, their effective
/// rank exp(H(σ/‖σ‖₁)) (Roy and Vetterli 2007, EUSIPCO), spectral, nuclear and stable rank
/// (Hu et al. 2023, arXiv:2308.09543, <c>src/metrics.py</c>).
/// </summary>
[Component(ComponentKind.Measure, "effective-rank")]
public sealed record EffectiveRank
{
    /// <summary>The parameters to analyse, by name; null takes every two-dimensional parameter.</summary>
    public IReadOnlyList<string>? Parameters { get; init; }

    /// <summary>Report each parameter's values (<c>&lt;parameter&gt;.effective_rank</c>, ...), not only the aggregates.</summary>
    public bool PerParameter { get; init; } = true;
}
