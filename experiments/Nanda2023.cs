namespace GrokDsl.Experiments;

/// <summary>
/// Nanda, Chan, Lieberum, Smith and Steinhardt (ICLR 2023, arXiv:2301.05217), the mainline run of
/// "Progress measures for grokking via mechanistic interpretability": a 1-layer transformer (d 128,
/// 4 heads, MLP 512, no LayerNorm) on a+b mod 113 with 30% of the pairs, full batch, AdamW lr 1e-3,
/// weight decay 1, β (0.9, 0.98), 10-step warmup, 40k epochs (the code says 50k; the paper 40k).
/// The code's "high precision" loss is float32 (their issue #2); here the loss runs in float64 as intended.
/// Their LambdaLR warmup min(step/10, 1) takes its first step at learning rate 0; GrokDsl's warmup takes
/// it at 1/10 of the rate, one step ahead. Reference points (TransformerLens demo, same recipe): test loss
/// peaks near 34 at epoch ~1.4k, falls below 1 at ~13.8k and below 0.01 at ~14.5k; key frequencies of the
/// mainline run {14, 35, 41, 42, 52} (they depend on the seed).
/// </summary>
[Experiment("nanda-2023", Source = "Nanda et al. 2023, arXiv:2301.05217, section 3 and appendix; progress-measures-paper/transformers.py Config")]
public sealed partial record Nanda2023
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 113, Operation = "a+b", TrainFraction = 0.3, Encoding = "tokens-with-equals" };

    public Transformer Model { get; init; } = Transformer.Nanda2023;

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 1.0, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 10 };

    public Training Training { get; init; } = new() { EvaluateEvery = 100, MeasureEvery = 1000, LossInFloat64 = true, CheckpointEvery = 5000 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 40_000, StopAfterGrokking = false };

    [Sweep(0, 1, 2)] public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm", "fourier", "restricted-loss", "excluded-loss"];

    /// <summary>The same pipeline at CPU-test size: p = 23, a few hundred steps; it checks the wiring, not grokking.</summary>
    public static Nanda2023 Smoke => new Nanda2023() with
    {
        Data = new() { Modulus = 23, Operation = "a+b", TrainFraction = 0.3, Encoding = "tokens-with-equals" },
        Model = Transformer.Nanda2023 with { Width = 32, MlpWidth = 64 },
        Training = new() { EvaluateEvery = 10, MeasureEvery = 20, LossInFloat64 = true },
        Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
    };
}
