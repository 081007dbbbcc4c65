namespace GrokDsl.Experiments;

/// <summary>
/// The CPU-sized stand-in for hu-2023 (Hu2023.cs): 16 seeds of the default experiment's embedding MLP on a+b mod 97
/// from half of all pairs (AdamW, weight decay 1), each trained for 4,000 steps (past grokking), keeping a checkpoint
/// every 100 steps. Hu et al.'s weight metrics are measured on those checkpoints after training
/// (<c>grokdsl measure runs/hu-2023-cpu --measures weight-statistics</c>), the post-hoc route any sweep without the
/// live measure takes; then <c>grokdsl dynamics runs/hu-2023-cpu</c>. Sixteen seeds are enough to choose a state
/// count on held-out runs and look for detours. The data split and initialization vary with the seed.
/// </summary>
[Experiment("hu-2023-cpu", Source = "Hu, Kirsch et al. 2023, arXiv:2308.09543 (method); CPU-sized MLP on modular addition")]
public sealed partial record Hu2023Cpu
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 97, Operation = "a+b", TrainFraction = 0.5 };

    public Mlp Model { get; init; } = new() { EmbeddingWidth = 64, HiddenWidth = 256 };

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 1.0, Beta1 = 0.9, Beta2 = 0.98 };

    public Training Training { get; init; } = new() { EvaluateEvery = 10, MeasureEvery = 100, CheckpointEvery = 100, KeepCheckpoints = 40 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 4_000, StopAfterGrokking = false };

    [SweepRange(0, 15)] public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];
}
