namespace GrokDsl.Experiments;

/// <summary>
/// The fast CPU default: an embedding MLP groks a+b mod 97 from half of all pairs, with AdamW and
/// weight decay 1. Memorizes within a few hundred steps, generalizes a few thousand steps later,
/// in about a minute on two CPU cores.
/// </summary>
[Experiment("modular-addition", Source = "Power et al. 2022, arXiv:2201.02177 (task); Nanda et al. 2023, arXiv:2301.05217 (optimizer settings); CPU-sized MLP")]
public sealed partial record ModularAddition
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 97, Operation = "a+b", TrainFraction = 0.5 };

    public Mlp Model { get; init; } = new() { EmbeddingWidth = 64, HiddenWidth = 256 };

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 1.0, Beta1 = 0.9, Beta2 = 0.98 };

    public Training Training { get; init; } = new() { EvaluateEvery = 10, MeasureEvery = 100 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 10_000, StopAfterGrokking = true };

    public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];
}
