#pragma warning disable GROK0007 // main.py's baseline has no weight decay (its default); the paper's speed-ups are measured against it.

namespace GrokDsl.Experiments;

/// <summary>
/// Lee, Kang, Kim and Lee 2024, "Grokfast" (arXiv:2405.20233), algorithmic task (appendix B.1, main.py):
/// x·y mod 97 with 50% of the pairs, a 2-layer decoder (dim 128, 4 heads, GELU, LayerNorm), Adam with
/// weight decay coupled into the gradient, lr 1e-3, β (0.9, 0.98), batch 512, 10-step warmup, 3·10⁵-step
/// budget. Three settings, each as the README's command for its row of Table 3 runs it: Grokfast-EMA
/// (α 0.98, λ 2, wd 0.005), Grokfast-MA (window 100, λ 5, wd 0.01) and the baseline, `main.py --label test`,
/// which takes main.py's defaults: no filter and wd 0. Reported steps to 95% validation accuracy: 39,890 (baseline), 910 (EMA,
/// ×43.8), 790 (MA, ×50.5). Where the code and the paper differ: grokfast.py defaults EMA to α 0.98,
/// λ 2 (used here) but main.py's CLI to α 0.99, λ 5. Differences that remain: y ranges over 1..96 in
/// their code and over 0..96 here (b = 0 gives 0); their sequence has 5 tokens, ours [a, b, =]; their
/// attention projections have biases (nn.MultiheadAttention), ours none; their Linear layers keep PyTorch's
/// default initialization, ours GrokDsl's.
/// </summary>
[Experiment("grokfast-2024", Source = "Lee et al. 2024, arXiv:2405.20233, appendix B.1 and Table 3; ironjr/grokfast main.py")]
public sealed partial record Grokfast2024
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 97, Operation = "a*b", TrainFraction = 0.5, Encoding = "tokens-with-equals" };

    /// <summary>
    /// main.py's embeddings are nn.Embedding's, drawn from N(0, 1): √128 ≈ 11 times GrokDsl's default. With the default,
    /// the baseline generalized as it memorized (95% test accuracy at step 260, measured 2026-12-02); with N(0, 1) it
    /// memorizes first (98% train, 50% test at step 3,720), as the paper's baseline does.
    /// </summary>
    public Transformer Model { get; init; } = Transformer.Power2022 with { Activation = "gelu", LayerNorm = "pre", MlpBias = true, PositionalEmbedding = "learned", EmbeddingInitStd = 1 };

    /// <summary>"baseline", "ema" or "ma"; each with the weight decay of its README command.</summary>
    [Sweep("baseline", "ema", "ma")]
    public string Filter { get; init; } = "baseline";

    public Adam Optimizer => Filter switch
    {
        "ema" => new() { LearningRate = 1e-3, WeightDecay = 0.005, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 10, GradientFilter = new GrokfastEma { Alpha = 0.98, Lambda = 2.0 } },
        "ma" => new() { LearningRate = 1e-3, WeightDecay = 0.01, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 10, GradientFilter = new GrokfastMa { Window = 100, Lambda = 5.0 } },
        _ => new() { LearningRate = 1e-3, WeightDecay = 0, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 10 },
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
