namespace GrokDsl;

/// <summary>
/// Options of the <c>restricted-loss</c> measure (Nanda et al. 2023, arXiv:2301.05217, §5.1; code
/// <c>transformers.py::calculate_trig_loss</c>): the loss over all p² pairs of the logits restricted to the
/// cos(w_k(a+b)) and sin(w_k(a+b)) directions of the key frequencies, with each class's mean logit
/// added back. Falls during circuit formation, before the test loss does.
/// </summary>
[Component(ComponentKind.Measure, "restricted-loss")]
public sealed record RestrictedLoss : IKeyFrequencyOptions
{
    /// <summary>
    /// Fixed key frequencies (e.g. those of a run's final checkpoint, which <c>grokdsl measure</c> passes, Nanda et
    /// al.'s protocol); null computes them at every measurement, so that before the circuit forms the set may be empty.
    /// </summary>
    public IReadOnlyList<int>? KeyFrequencies { get; init; }

    /// <inheritdoc/>
    public KeyFrequencySource KeyFrequencySource { get; init; } = KeyFrequencySource.Activations;

    /// <inheritdoc/>
    public string? ActivationModule { get; init; }

    /// <inheritdoc/>
    public string? WeightParameter { get; init; }

    /// <inheritdoc/>
    [Range(Min = 0, Max = 1)]
    public double MinimumLogitFraction { get; init; } = 0.05;

    /// <inheritdoc/>
    [Range(Min = 0, Max = 1)]
    public double MinimumNeuronFraction { get; init; }
}
