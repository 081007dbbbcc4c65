using GrokDsl;

namespace GrokExperiment;

/// <summary>
/// Modular addition with an embedding MLP: it memorizes within a few hundred steps and groks (test accuracy ≥ 95 %)
/// later. Train it with <c>grokdsl run Experiment.cs</c>; change a setting for one run with
/// <c>--set Optimizer.WeightDecay=0.3</c>, or sweep one with <c>--sweep Seed=0..4</c>.
/// </summary>
[Experiment("grok-experiment", Source = "Power et al. 2022, arXiv:2201.02177; GrokDsl's CPU-sized MLP")]
public sealed partial record ModularAdditionExperiment
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 97, Operation = "a+b", TrainFraction = 0.5 };

    public Mlp Model { get; init; } = new() { EmbeddingWidth = 64, HiddenWidth = 256 };

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 1.0, Beta1 = 0.9, Beta2 = 0.98 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 10_000 };

    [Sweep(0, 1, 2)] public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];
}
