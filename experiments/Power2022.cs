namespace GrokDsl.Experiments;

/// <summary>
/// Power, Burda, Edwards, Babuschkin and Misra 2022 (arXiv:2201.02177), as the paper's appendix A.1.2
/// states it: a 2-layer decoder (width 128, 4 heads), AdamW lr 1e-3, weight decay 1, β (0.9, 0.98),
/// linear warmup over 10 updates, batch min(512, N/2), 10⁵ updates, 50% of x∘y mod 97. The code's
/// defaults differ: weight decay 0 and 5% training data (openai/grok training.py); Fig. 1 itself used
/// Adam without weight decay for 10⁶ steps. Grokking is timed at 99% validation accuracy, as in the paper.
/// </summary>
[Experiment("power-2022", Source = "Power et al. 2022, arXiv:2201.02177, appendix A.1.1-A.1.2")]
public sealed partial record Power2022
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 97, Operation = "a/b", TrainFraction = 0.5, Encoding = "tokens-with-equals" };

    public Transformer Model { get; init; } = Transformer.Power2022;

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 1.0, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 10 };

    /// <summary>min(512, N/2) with N = 0.5 · 97 · 96 = 4,656 training pairs.</summary>
    public Training Training { get; init; } = new() { BatchSize = 512, EvaluateEvery = 100, MeasureEvery = 1000, GrokkingThreshold = 0.99, CheckpointEvery = 5000 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 100_000 };

    /// <summary>The paper's operator list (appendix A.1.1); division-based ones need the prime 97.</summary>
    [Sweep("a/b", "a+b", "a-b", "a/b if b odd else a-b", "a^2+b^2", "a^2+ab+b^2", "a^2+ab+b^2+a", "a^3+ab", "a^3+ab^2+b")]
    public string Operation { get => Data.Operation; init => Data = Data with { Operation = value }; }

    [Sweep(0, 1, 2)] public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

    public static Power2022 Smoke => new Power2022() with
    {
        Data = new() { Modulus = 13, Operation = "a/b", TrainFraction = 0.5, Encoding = "tokens-with-equals" },
        Model = Transformer.Power2022 with { Width = 32, MlpWidth = 64 },
        Training = new() { BatchSize = 32, EvaluateEvery = 10, MeasureEvery = 20 },
        Stopping = new() { MaxSteps = 30 },
    };
}
