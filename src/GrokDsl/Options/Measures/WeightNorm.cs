namespace GrokDsl;

/// <summary>
/// Options of the <c>weight-norm</c> measure: the L2 norm of all parameters ("total", Liu et al. 2023,
/// "Omnigrok", arXiv:2210.01117), Nanda et al.'s <c>sum_sq_weights</c> (arXiv:2301.05217, code
/// <c>transformers.py::Trainer.take_metrics</c>), and the last-layer norm whose cyclic growth marks
/// Slingshots (Thilak et al. 2022, arXiv:2206.04817).
/// </summary>
[Component(ComponentKind.Measure, "weight-norm")]
public sealed record WeightNorm
{
    /// <summary>Also report <c>norm.&lt;parameter&gt;</c> and <c>sum_sq.&lt;parameter&gt;</c> for every named parameter.</summary>
    public bool PerParameter { get; init; } = true;

    /// <summary>
    /// The parameter whose norm is <c>last_layer</c>, by its name in <c>named_parameters()</c>
    /// (e.g. "output.weight"); null takes the last two-dimensional parameter, the output layer's weight.
    /// </summary>
    public string? LastLayerParameter { get; init; }
}
