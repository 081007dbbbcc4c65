namespace GrokDsl;

/// <summary>Stochastic gradient descent with momentum; weight decay is a coupled L2 term.</summary>
public sealed record Sgd : OptimizerOptions
{
    [Range(Min = 0, Max = 1, MaxExclusive = true)]
    public double Momentum { get; init; }

    public bool Nesterov { get; init; }
}
