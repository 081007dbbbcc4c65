namespace GrokDsl;

/// <summary>
/// Options of the <c>effective-rank</c> measure: singular values of weight matrices, their effective
/// rank exp(H(σ/‖σ‖₁)) (Roy and Vetterli 2007, EUSIPCO), spectral, nuclear and stable rank
/// (Hu et al. 2023, arXiv:2308.09543, <c>src/metrics.py</c>), and the sparsity of hidden activations.
/// </summary>
[Component(ComponentKind.Measure, "effective-rank")]
public sealed record EffectiveRank
{
    /// <summary>The parameters to analyse, by name; null takes every two-dimensional parameter.</summary>
    public IReadOnlyList<string>? Parameters { get; init; }

    /// <summary>Report each parameter's values (<c>&lt;parameter&gt;.effective_rank</c>, ...), not only the aggregates.</summary>
    public bool PerParameter { get; init; } = true;

    /// <summary>
    /// Submodules, by their names in <c>named_modules()</c>, whose outputs on the training set are reported as
    /// <c>&lt;module&gt;.activation_sparsity</c> (share of activations with |a| ≤ <see cref="ActivationThreshold"/>)
    /// and <c>&lt;module&gt;.dead_fraction</c> (share of units inactive on every example). The model must call these
    /// modules through <c>call()</c>, so that forward hooks fire.
    /// </summary>
    public IReadOnlyList<string> ActivationModules { get; init; } = [];

    /// <summary>The magnitude at or below which an activation counts as inactive; 0 counts exact zeros (ReLU).</summary>
    [Range(Min = 0)]
    public double ActivationThreshold { get; init; }
}
