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
    /// The unembedding, by parameter name; null takes the last two-dimensional parameter with a
    /// dimension equal to the class count (the output layer).
    /// </summary>
    public string? UnembeddingParameter { get; init; }

    /// <inheritdoc/>
    public KeyFrequencySource KeyFrequencySource { get; init; } = KeyFrequencySource.Weights;

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
