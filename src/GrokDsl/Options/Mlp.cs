namespace GrokDsl;

/// <summary>
/// A multilayer perceptron. By default it embeds each input token, concatenates the embeddings and
/// applies one hidden ReLU layer: the small model that groks modular addition on a CPU in about a
/// minute. Depth, width, activation, biases and layer norm cover the MLPs of the grokking literature:
/// Omnigrok's MNIST MLP (Liu et al. 2023, arXiv:2210.01117: three Linear layers of width 200, ReLU,
/// α = 8; see <see cref="OmnigrokMnist"/>), Prieto et al.'s bias-free two-hot MLP (arXiv:2501.04697:
/// hidden [200, 200]; see <see cref="Prieto2025"/>) and Gromov's quadratic network (arXiv:2301.02679).
/// </summary>
[Component(ComponentKind.Model, "mlp")]
public sealed record Mlp
{
    /// <summary>Width of each token's embedding (token inputs with <see cref="Input"/> "embedding" only).</summary>
    [Range(Min = 1)]
    public int EmbeddingWidth { get; init; } = 64;

    /// <summary>Width of every hidden layer.</summary>
    [Range(Min = 1)]
    public int HiddenWidth { get; init; } = 256;

    /// <summary>Number of hidden layers (Linear, optional LayerNorm, activation); the output Linear comes after them.</summary>
    [Range(Min = 1)]
    public int Depth { get; init; } = 1;

    /// <summary>"relu", "gelu" or "quadratic" (x², Gromov 2023).</summary>
    public string Activation { get; init; } = "relu";

    /// <summary>Whether the Linear layers (hidden and output) have biases; Prieto et al. and Gromov use none.</summary>
    public bool Bias { get; init; } = true;

    /// <summary>LayerNorm after each hidden Linear, before the activation.</summary>
    public bool LayerNorm { get; init; }

    /// <summary>
    /// How inputs reach the first hidden layer: "embedding" (token inputs: a learned embedding per token,
    /// concatenated), "flat" (the first Linear reads the flattened input: a feature dataset's features, or
    /// tokens one-hot encoded per position and concatenated), or "auto" (embedding for token datasets, flat
    /// for feature datasets).
    /// </summary>
    public string Input { get; init; } = "auto";

    /// <summary>Omnigrok's α: every initial parameter is multiplied by this (Liu et al. 2023).</summary>
    [Range(Min = 0, MinExclusive = true)]
    public double InitScale { get; init; } = 1;

    /// <summary>Multiplies the logits.</summary>
    [Range(Min = 0, MinExclusive = true)]
    public double OutputScale { get; init; } = 1;

    /// <summary>
    /// Omnigrok's MNIST model (Liu et al. 2023, mnist/grokking/mnist-grokking.ipynb): Linear 784→200→200→10
    /// with ReLU, all parameters multiplied by 8. Pair with idx-images and 1,000 training points.
    /// </summary>
    public static Mlp OmnigrokMnist { get; } = new() { Depth = 2, HiddenWidth = 200, Input = "flat", InitScale = 8 };

    /// <summary>
    /// Prieto et al. 2025 (arXiv:2501.04697, utils.py defaults): hidden layers [200, 200], ReLU, no biases,
    /// reading the two-hot input of modular-arithmetic with Encoding "one-hot".
    /// </summary>
    public static Mlp Prieto2025 { get; } = new() { Depth = 2, HiddenWidth = 200, Bias = false, Input = "flat" };
}
