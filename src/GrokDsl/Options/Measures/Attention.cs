namespace GrokDsl;

/// <summary>
/// Options of the <c>attention</c> measure: per layer and over all layers, the entropy of the attention rows and two
/// sparsities, over a sample of sequences (Murty et al. 2023, arXiv:2305.18741, §5: attention sparsity, which they find
/// does not predict structural grokking). Needs a model that shows its attention weights (contract 1.5,
/// <c>IAttentionModel</c>), as the built-in transformer does.
/// </summary>
[Component(ComponentKind.Measure, "attention")]
public sealed record Attention
{
    /// <summary>The sequences read: the first ones of <see cref="Split"/>; 0 reads all of it.</summary>
    [Range(Min = 0)]
    public int Samples { get; init; } = 256;

    /// <summary>The split read: "train", "test", or the name of one of the dataset's extra splits (e.g. "in-distribution").</summary>
    public string Split { get; init; } = "train";
}
