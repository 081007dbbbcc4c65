namespace GrokDsl;

/// <summary>AdamW with decoupled weight decay (Loshchilov and Hutter 2019), the optimizer of most grokking papers.</summary>
public sealed record AdamW : OptimizerOptions
{
    [Range(Min = 0, Max = 1, MaxExclusive = true)]
    public double Beta1 { get; init; } = 0.9;

    [Range(Min = 0, Max = 1, MaxExclusive = true)]
    public double Beta2 { get; init; } = 0.98;

    [Range(Min = 0, MinExclusive = true)]
    public double Epsilon { get; init; } = 1e-8;
}
