namespace GrokDsl;

/// <summary>
/// Adam with weight decay as a coupled L2 term in the gradient (PyTorch's Adam), as Grokfast's
/// algorithmic-task code uses it (Lee et al. 2024, main.py <c>--optimizer Adam</c>).
/// </summary>
public sealed record Adam : OptimizerOptions
{
    [Range(Min = 0, Max = 1, MaxExclusive = true)]
    public double Beta1 { get; init; } = 0.9;

    [Range(Min = 0, Max = 1, MaxExclusive = true)]
    public double Beta2 { get; init; } = 0.98;

    [Range(Min = 0, MinExclusive = true)]
    public double Epsilon { get; init; } = 1e-8;
}
