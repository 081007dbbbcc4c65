namespace GrokDsl.Experiments;

/// <summary>
/// Lee, Kang, Kim and Lee 2024, "Grokfast" (arXiv:2405.20233), algorithmic task (appendix B.1, main.py):
/// x·y mod 97 with 50% of the pairs, a 2-layer decoder (dim 128, 4 heads, GELU, LayerNorm), Adam with
/// coupled weight decay, lr 1e-3, β (0.9, 0.98), batch 512, 10-step warmup. Three settings, paired with
/// the weight decay the paper used for each (Table 3): baseline, Grokfast-EMA (α 0.98, λ 2, wd 0.005)
/// and Grokfast-MA (window 100, λ 5, wd 0.01). Reported steps to 95% validation accuracy: 39,890
/// (baseline), 910 (EMA), 790 (MA). y ranges over 1..96 in their code; here over 0..96 (b = 0 gives 0).
/// </summary>
[Experiment("grokfast-2024", Source = "Lee et al. 2024, arXiv:2405.20233, appendix B.1 and Table 3; ironjr/grokfast main.py")]
public sealed partial record Grokfast2024
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 97, Operation = "a*b", TrainFraction = 0.5, Encoding = "tokens-with-equals" };

    public Transformer Model { get; init; } = Transformer.Power2022 with { Activation = "gelu", LayerNorm = "pre", MlpBias = true, PositionalEmbedding = "learned" };

    /// <summary>"baseline", "ema" or "ma"; each with the paper's weight decay.</summary>
    [Sweep("baseline", "ema", "ma")]
    public string Filter { get; init; } = "baseline";

    public Adam Optimizer => Filter switch
    {
        "ema" => new() { LearningRate = 1e-3, WeightDecay = 0.005, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 10, GradientFilter = new GrokfastEma { Alpha = 0.98, Lambda = 2.0 } },
        "ma" => new() { LearningRate = 1e-3, WeightDecay = 0.01, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 10, GradientFilter = new GrokfastMa { Window = 100, Lambda = 5.0 } },
        _ => new() { LearningRate = 1e-3, WeightDecay = 0.005, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 10 },
    };

    public Training Training { get; init; } = new() { BatchSize = 512, EvaluateEvery = 10, MeasureEvery = 1000, CheckpointEvery = 5000 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 300_000 };

    public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

    public static Grokfast2024 Smoke => new Grokfast2024() with
    {
        Data = new() { Modulus = 13, Operation = "a*b", TrainFraction = 0.5, Encoding = "tokens-with-equals" },
        Model = Transformer.Power2022 with { Width = 32, MlpWidth = 64, Activation = "gelu", LayerNorm = "pre", MlpBias = true, PositionalEmbedding = "learned" },
        Training = new() { BatchSize = 32, EvaluateEvery = 10, MeasureEvery = 20 },
        Stopping = new() { MaxSteps = 30 },
    };
}
