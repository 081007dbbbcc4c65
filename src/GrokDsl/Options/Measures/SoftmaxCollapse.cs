namespace GrokDsl;

/// <summary>
/// Options of the <c>softmax-collapse</c> measure (Prieto et al. 2025, arXiv:2501.04697, §3; code
/// <c>logger.py::compute_softmax_collapse</c>): the fraction of training samples whose softmax has
/// saturated, Σ_j exp(z_j − max z) == 1 in the evaluation precision, and the fraction whose loss is exactly 0.
/// </summary>
[Component(ComponentKind.Measure, "softmax-collapse")]
public sealed record SoftmaxCollapse
{
    /// <summary>The precision the softmax is evaluated in; Prieto et al. use the training precision.</summary>
    public SoftmaxPrecision Precision { get; init; } = SoftmaxPrecision.Model;

    /// <summary>Also report <c>test_fraction</c> and <c>test_zero_loss_fraction</c> on the test set.</summary>
    public bool IncludeTest { get; init; }
}
