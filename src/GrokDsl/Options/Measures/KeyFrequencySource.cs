namespace GrokDsl;

/// <summary>Where the key frequencies of a modular-arithmetic model are read from.</summary>
public enum KeyFrequencySource
{
    /// <summary>
    /// The model's logits over all p² pairs: a frequency k is key when the directions cos(w_k(a±b)) and
    /// sin(w_k(a±b)) carry at least <c>MinimumFraction</c> of the centred logits' energy. Needs nothing but
    /// the model's forward, so it works for every model.
    /// </summary>
    Logits,

    /// <summary>
    /// The default. Nanda et al.'s <c>calculate_key_freqs</c>: the output of a submodule (named, or the model's last
    /// <c>ActivationLayer</c>) over all p² pairs
    /// (its last position for sequence outputs), centred, in the 2-D Fourier basis; each neuron's best
    /// frequency is the k whose 3×3 block {1, cos k, sin k}² explains the largest fraction of its
    /// variance; the key frequencies are the distinct best frequencies. Needs a model that calls its
    /// submodules through <c>call()</c>, so that forward hooks fire.
    /// </summary>
    Activations,

    /// <summary>
    /// The same per-neuron rule in one dimension on a weight matrix: every vector along its Z_p axis
    /// (a column of an embedding [p, d], a row of [n, p]) is a neuron; its best frequency is the k whose
    /// {cos k, sin k} pair explains the largest fraction of its centred variance.
    /// </summary>
    Weights,
}
