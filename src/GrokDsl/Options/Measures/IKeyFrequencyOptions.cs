namespace GrokDsl;

/// <summary>
/// How a measure finds the key frequencies of a modular-arithmetic model (Nanda et al. 2023,
/// arXiv:2301.05217, §4–5). Shared by <see cref="Fourier"/>, <see cref="RestrictedLoss"/> and
/// <see cref="ExcludedLoss"/> so that all three read them the same way.
/// </summary>
public interface IKeyFrequencyOptions
{
    /// <summary>
    /// Where the frequencies are read from. All three measures default to <see cref="KeyFrequencySource.Activations"/>,
    /// Nanda et al.'s neuron rule, so that they report the same set; the other rules stay available by name.
    /// </summary>
    KeyFrequencySource KeyFrequencySource { get; }

    /// <summary>
    /// For <see cref="KeyFrequencySource.Activations"/>: the submodule, by its name in
    /// <c>named_modules()</c>, whose output holds the neurons; null takes the model's last
    /// <c>ActivationLayer</c> (the built-in transformer's "blocks.0.mlpActivation", the MLP's "activations.0").
    /// Must be null for other sources.
    /// </summary>
    string? ActivationModule { get; }

    /// <summary>
    /// For <see cref="KeyFrequencySource.Weights"/>: the parameter, by its name in <c>named_parameters()</c>;
    /// null takes the embedding. Must be null for other sources.
    /// </summary>
    string? WeightParameter { get; }

    /// <summary>For <see cref="KeyFrequencySource.Logits"/>: the share of centred-logit energy a frequency needs to be key.</summary>
    double MinimumLogitFraction { get; }

    /// <summary>
    /// For neuron sources: neurons whose best frequency explains less than this fraction of their
    /// variance are left out. 0 counts every neuron, as Nanda et al.'s code does.
    /// </summary>
    double MinimumNeuronFraction { get; }
}
