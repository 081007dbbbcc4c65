using System.Text.Json.Serialization;

namespace GrokDsl;

/// <summary>
/// Options of the <c>fourier</c> measure for modular tasks: the spectrum over Z_p of the embedding and
/// unembedding, its Gini coefficient (Nanda et al. 2023, arXiv:2301.05217, §5.1), inverse participation
/// ratio (Gromov 2023, arXiv:2301.02679, Eq. 20–21) and frequency sparsity, and the key frequencies
/// (Nanda et al., code <c>transformers.py::calculate_key_freqs</c>).
/// </summary>
[Component(ComponentKind.Measure, "fourier")]
public sealed record Fourier : IKeyFrequencyOptions
{
    /// <summary>
    /// The embedding, by parameter name; null takes the first two-dimensional parameter whose first
    /// dimension is the vocabulary size or the modulus.
    /// </summary>
    public string? EmbeddingParameter { get; init; }

    /// <summary>
    /// The unembedding W_U, by parameter name; null takes the last two-dimensional parameter with a
    /// dimension equal to the class count (the output layer).
    /// </summary>
    public string? UnembeddingParameter { get; init; }

    /// <summary>
    /// Which output matrix the second spectrum is read from: the neuron-to-logit map W_L = W_U·W_out, as Nanda et al.
    /// (§4.1, §5.1) compute their Gini (keys "neuron_logit."), or W_U alone (keys "unembedding.").
    /// Left out of the configuration at its default, so that run ids from before it existed stay valid.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public FourierReadout Readout { get; init; } = FourierReadout.NeuronLogit;

    /// <summary>
    /// W_out of <see cref="FourierReadout.NeuronLogit"/>, by parameter name; null takes the last parameter named
    /// "…mlpOut.weight" (the transformer's MLP output), and a model without one (an MLP) uses W_U, which reads the
    /// neurons directly.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NeuronOutputParameter { get; init; }

    /// <summary>
    /// Fixed key frequencies (e.g. those of a run's final checkpoint, which <c>grokdsl measure</c> passes); null finds
    /// them at every measurement with <see cref="KeyFrequencySource"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
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

    /// <summary>The share of spectral energy whose frequency count defines <c>sparsity</c>.</summary>
    [Range(Min = 0, Max = 1, MinExclusive = true)]
    public double SparsityEnergy { get; init; } = 0.9;

    /// <summary>The power r of IPR_r = Σ_k (|ŵ_k| / ‖ŵ‖)^(2r); Gromov uses r = 2.</summary>
    [Range(Min = 1)]
    public int IprPower { get; init; } = 2;
}

/// <summary>The output matrix whose Fourier spectrum the <c>fourier</c> measure reads besides the embedding.</summary>
public enum FourierReadout
{
    /// <summary>W_L = W_U·W_out, the map from MLP neurons to logits (Nanda et al. 2023).</summary>
    NeuronLogit,

    /// <summary>W_U, the unembedding alone.</summary>
    Unembedding,
}
