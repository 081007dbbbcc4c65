namespace GrokDsl.Experiments;

/// <summary>
/// The composition task of Wang, Yue, Su and Sun (NeurIPS 2024, arXiv:2405.15071), "Grokked Transformers are Implicit
/// Reasoners", at CPU size: a causal transformer language model learns atomic facts (h, r) → t and two-hop facts
/// (h, r1, r2) → t. Wang et al. use |E| = 2,000 entities, |R| = 200 relations, 20 facts per entity, 5% of the
/// entities out of distribution, an 8-layer GPT-2 (d = 768, 12 heads), AdamW lr 1e-4, weight decay 0.1, batch 512;
/// they find in-distribution composition grokking and no out-of-distribution generalization. This variant has 200
/// entities, 20 relations, 5 facts each, φ = 3.6, and a 4-layer, width-128 model at lr 1e-3; these sizes are ours,
/// and this preset has not yet been shown to grok. The test split is "in-distribution" (grokking is timed on it).
/// </summary>
[Experiment("wang-2024", Source = "Wang, Yue, Su and Sun, NeurIPS 2024, arXiv:2405.15071 (composition); CPU-sized")]
public sealed partial record Wang2024
{
    public KnowledgeComposition Data { get; init; } = new()
    {
        Entities = 200, Relations = 20, RelationsPerEntity = 5, OutOfDistributionFraction = 0.05, InferredRatio = 3.6, TestSamples = 500,
    };

    public Transformer Model { get; init; } = new()
    {
        Layers = 4, Width = 128, Heads = 4, MlpWidth = 512, Activation = "gelu",
        LayerNorm = "pre", PositionalEmbedding = "learned", LanguageModelHead = true,
    };

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 0.1, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 100 };

    public Training Training { get; init; } = new() { BatchSize = 512, EvaluateEvery = 100, MeasureEvery = 1000, CheckpointEvery = 2000 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 20_000, StopAfterGrokking = false };

    public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

    /// <summary>The same pipeline in seconds: 40 entities, a tiny model, 40 steps; it checks the wiring, not grokking.</summary>
    public static Wang2024 Smoke => new Wang2024() with
    {
        Data = new() { Entities = 40, Relations = 6, RelationsPerEntity = 3, OutOfDistributionFraction = 0.1, InferredRatio = 2, TestSamples = 50 },
        Model = new() { Layers = 1, Width = 32, Heads = 2, MlpWidth = 64, LanguageModelHead = true },
        Optimizer = new() { LearningRate = 1e-3, WeightDecay = 0.1, Beta1 = 0.9, Beta2 = 0.98 },
        Training = new() { BatchSize = 64, EvaluateEvery = 10, MeasureEvery = 20, CheckpointEvery = 20 },
        Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
    };
}
