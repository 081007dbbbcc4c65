namespace GrokDsl.Experiments;

/// <summary>
/// The transformer of nanda-2023 (Nanda2023.cs: one layer, 4 heads, ReLU MLP, no LayerNorm, AdamW lr 1e-3, weight
/// decay 1, β (0.9, 0.98), 10-step warmup, full batch, float64 loss) at a size that groks in minutes on 2 CPU cores:
/// p = 59, width 64, MLP 256, half of the pairs for training. Every 50th step is checkpointed and kept, so that
/// <c>grokdsl measure runs/nanda-2023-cpu</c> can follow Nanda et al.'s protocol afterwards: key frequencies from the
/// final checkpoint, restricted and excluded loss and the Gini of W_L over every earlier one. docs/reproductions.md
/// has the command and the figures (restricted loss falling before test loss, excluded loss rising while train loss
/// stays low, Gini rising, the same key frequencies in the three measures).
/// </summary>
[Experiment("nanda-2023-cpu", Source = "Nanda et al. 2023, arXiv:2301.05217, sections 3 and 5 (protocol); CPU-sized transformer")]
public sealed partial record Nanda2023Cpu
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 59, Operation = "a+b", TrainFraction = 0.5, Encoding = "tokens-with-equals" };

    public Transformer Model { get; init; } = Transformer.Nanda2023 with { Width = 64, MlpWidth = 256 };

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 1.0, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 10 };

    public Training Training { get; init; } = new()
    {
        EvaluateEvery = 10, MeasureEvery = 250, LossInFloat64 = true, CheckpointEvery = 50,
        KeepCheckpointSchedule = new() { Every = 50 },
    };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 3_000, StopAfterGrokking = false };

    public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm", "fourier", "restricted-loss", "excluded-loss"];
}
