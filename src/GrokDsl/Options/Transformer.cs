using System.Text.Json.Serialization;

namespace GrokDsl;

/// <summary>
/// A decoder-only transformer over token inputs: learned token embedding plus a positional embedding,
/// <see cref="Layers"/> blocks of causal multi-head self-attention and an MLP, each added to the
/// residual stream, and a bias-free readout of the last position's residual to the classes (or, with
/// <see cref="LanguageModelHead"/>, of every position's to the vocabulary). Defaults
/// are the one-layer model of Nanda et al. 2023 (<see cref="Nanda2023"/>); <see cref="Power2022"/> is
/// Power et al.'s two-layer model.
/// </summary>
[Component(ComponentKind.Model, "transformer")]
public sealed record Transformer
{
    /// <summary>Number of blocks (attention + MLP).</summary>
    [Range(Min = 1)]
    public int Layers { get; init; } = 1;

    /// <summary>Width of the residual stream, d_model; must be a multiple of <see cref="Heads"/>.</summary>
    [Range(Min = 1)]
    [DivisibleBy(nameof(Heads))]
    public int Width { get; init; } = 128;

    /// <summary>Attention heads per block; each has width Width / Heads.</summary>
    [Range(Min = 1)]
    public int Heads { get; init; } = 4;

    /// <summary>Hidden width of each block's MLP, d_mlp.</summary>
    [Range(Min = 1)]
    public int MlpWidth { get; init; } = 512;

    /// <summary>The MLP's activation: "relu", "gelu" or "quadratic".</summary>
    public string Activation { get; init; } = "relu";

    /// <summary>
    /// "none" (Nanda et al.), "pre" (LayerNorm before each sublayer and before the readout, as in GPT-2)
    /// or "post" (LayerNorm after each residual addition, as in Power et al.'s code).
    /// </summary>
    public string LayerNorm { get; init; } = "none";

    /// <summary>Whether the MLP's two Linear layers have biases (Nanda et al.: yes; Power et al.: no).</summary>
    public bool MlpBias { get; init; } = true;

    /// <summary>
    /// "learned" (a parameter per position, initialized like the token embedding) or "sinusoidal"
    /// (the fixed encoding of Vaswani et al., as in Power et al.'s code; not a parameter).
    /// </summary>
    public string PositionalEmbedding { get; init; } = "learned";

    /// <summary>
    /// The standard deviation of the token (and learned position) embeddings at initialization; null: 1/√Width, as
    /// Nanda et al. PyTorch's nn.Embedding draws from N(0, 1), which Grokfast's main.py keeps: √Width times larger
    /// (×11 at width 128), and a large initial weight norm delays generalization (Omnigrok's LU mechanism). Left out
    /// of the configuration while null, so that run ids from before it existed stay valid.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? EmbeddingInitStd { get; init; }

    /// <summary>Omnigrok's α: every initial parameter is multiplied by this (Liu et al. 2023).</summary>
    [Range(Min = 0, MinExclusive = true)]
    public double InitScale { get; init; } = 1;

    /// <summary>Multiplies the logits.</summary>
    [Range(Min = 0, MinExclusive = true)]
    public double OutputScale { get; init; } = 1;

    /// <summary>
    /// A language model: read out every position (each attending causally to those before it) to the next token,
    /// for sequence datasets such as "dyck", instead of classifying from the last position. Left out of the
    /// configuration while false, so that run ids from before it existed stay valid.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool LanguageModelHead { get; init; }

    /// <summary>
    /// Nanda, Chan, Lieberum, Smith and Steinhardt 2023 (arXiv:2301.05217; progress-measures-paper
    /// transformers.py Config): 1 layer, d_model 128, 4 heads of 32, d_mlp 512, ReLU, learned positional
    /// embedding, no LayerNorm, untied embedding and unembedding. Use modular-arithmetic with
    /// Encoding "tokens-with-equals" and p = 113.
    /// </summary>
    public static Transformer Nanda2023 { get; } = new()
    {
        Layers = 1, Width = 128, Heads = 4, MlpWidth = 512, Activation = "relu",
        LayerNorm = "none", MlpBias = true, PositionalEmbedding = "learned",
    };

    /// <summary>
    /// Power, Burda, Edwards, Babuschkin and Misra 2022 (arXiv:2201.02177, appendix A.1.2, and
    /// openai/grok grok/transformer.py): 2 layers, width 128, 4 heads, ReLU feed-forward of 4 × 128
    /// without biases, post-LayerNorm, sinusoidal positions, about 4·10⁵ non-embedding parameters.
    /// Differences that remain: token embeddings start at N(0, 1/d) rather than N(0, 1); the sequence is
    /// the dataset's (e.g. [a, b, =]) rather than "&lt;eos&gt; a op b ="; the readout covers the classes
    /// rather than the whole vocabulary.
    /// </summary>
    public static Transformer Power2022 { get; } = new()
    {
        Layers = 2, Width = 128, Heads = 4, MlpWidth = 512, Activation = "relu",
        LayerNorm = "post", MlpBias = false, PositionalEmbedding = "sinusoidal",
    };
}
