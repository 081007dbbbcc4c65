namespace GrokDsl;

/// <summary>
/// Options of the <c>excluded-loss</c> measure (Nanda et al. 2023, arXiv:2301.05217, §5.1; code
/// <c>transformers.py::calculate_excluded_loss</c>): the training loss after the cos(w_k(a+b)) and
/// sin(w_k(a+b)) directions of the key frequencies are removed from the logits over all p² pairs.
/// Rises during circuit formation, while the train loss stays flat.
/// </summary>
[Component(ComponentKind.Measure, "excluded-loss")]
public sealed record ExcludedLoss : IKeyFrequencyOptions
{
    /// <summary>
    /// Fixed key frequencies (e.g. those of a run's final checkpoint, which <c>grokdsl measure</c> passes, Nanda et
    /// al.'s protocol); null computes them at every measurement, so that before the circuit forms the set may be empty.
    /// </summary>
    public IReadOnlyList<int>? KeyFrequencies { get; init; }

    /// <summary>Also report <c>k&lt;frequency&gt;</c>: the loss with one key frequency removed, as Nanda et al.'s code does.</summary>
    public bool PerFrequency { get; init; } = true;

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
