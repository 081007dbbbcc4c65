namespace GrokDsl;

/// <summary>
/// Options of the <c>tree-projection</c> measure: the tree-structuredness of a causal language model (Murty, Sharma,
/// Andreas and Manning 2023, arXiv:2305.18741, §4, after the tree projections of Murty et al. 2022, arXiv:2211.01288).
/// Each sentence of <see cref="Samples"/> costs n(n − 1)/2 extra span sequences through the model (n its tokens), so
/// the default sample is small enough for a CPU run's cadence.
/// </summary>
[Component(ComponentKind.Measure, "tree-projection")]
public sealed record TreeProjection
{
    /// <summary>The sentences read: the first ones of <see cref="Split"/> with at least three tokens.</summary>
    [Range(Min = 1)]
    public int Samples { get; init; } = 16;

    /// <summary>The split read: "train", "test", or the name of one of the dataset's extra splits (e.g. "in-distribution").</summary>
    public string Split { get; init; } = "train";

    /// <summary>How a span's hidden states become one vector: their mean, or the state of its last token.</summary>
    public SpanPooling Pooling { get; init; } = SpanPooling.Mean;

    /// <summary>
    /// The module whose output [N, T, width] is the hidden state, by its name in <c>named_modules()</c>; null takes the
    /// last module named "blocks.&lt;i&gt;" (the built-in transformer's last block, before the final LayerNorm).
    /// </summary>
    public string? Module { get; init; }
}

/// <summary>How <see cref="TreeProjection"/> pools the hidden states of a span's tokens.</summary>
public enum SpanPooling
{
    /// <summary>The mean over the span's tokens (Murty et al. sum them; cosine distances are the same).</summary>
    Mean,

    /// <summary>The span's last token, which a causal model has computed from the whole span.</summary>
    LastToken,
}
