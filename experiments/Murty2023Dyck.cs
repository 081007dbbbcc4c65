namespace GrokDsl.Experiments;

/// <summary>
/// The Dyck task of Murty, Sharma, Andreas and Manning (ACL 2023, arXiv:2305.18741), "Grokking of Hierarchical
/// Structure in Vanilla Transformers", at CPU size: a causal transformer language model completes unfinished Dyck
/// prefixes with their closing brackets. Murty et al. use Dyck-20 with depth ≤ 10, d = 512, 4 heads, lr 1e-4 and a
/// depth sweep; this variant keeps 20 bracket types and lr 1e-4 but trains a 2-layer, width-128 model on prompts
/// nesting at most 4 deep, and holds out prompts nesting 5 to 8 deep as the generalization split (the test split,
/// on which grokking is timed); "in-distribution" prompts are drawn like the training ones. Structural grokking is
/// generalization accuracy rising long after in-distribution accuracy saturates. The weight decay (0.1) and the
/// sizes are ours, not the paper's; this preset has not yet been shown to grok.
/// </summary>
[Experiment("murty-2023-dyck", Source = "Murty, Sharma, Andreas and Manning, ACL 2023, arXiv:2305.18741 (Dyck-20, depth ≤ 10); CPU-sized")]
public sealed partial record Murty2023Dyck
{
    public Dyck Data { get; init; } = new()
    {
        BracketTypes = 20, TrainDepth = 4, MaxDepth = 8, MinLength = 4, MaxLength = 24,
        TrainSamples = 5000, InDistributionSamples = 500, GeneralizationSamples = 500,
    };

    public Transformer Model { get; init; } = new()
    {
        Layers = 2, Width = 128, Heads = 4, MlpWidth = 512, Activation = "gelu",
        LayerNorm = "pre", PositionalEmbedding = "learned", LanguageModelHead = true,
    };

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-4, WeightDecay = 0.1, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 100 };

    public Training Training { get; init; } = new() { BatchSize = 128, EvaluateEvery = 100, MeasureEvery = 1000, CheckpointEvery = 2000 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 30_000, StopAfterGrokking = false };

    public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

    /// <summary>The same pipeline in seconds: 2 bracket types, short prompts, a tiny model, 40 steps; it checks the wiring, not grokking.</summary>
    public static Murty2023Dyck Smoke => new Murty2023Dyck() with
    {
        Data = new()
        {
            BracketTypes = 2, TrainDepth = 2, MaxDepth = 4, MinLength = 2, MaxLength = 8,
            TrainSamples = 64, InDistributionSamples = 32, GeneralizationSamples = 32,
        },
        Model = new() { Layers = 1, Width = 32, Heads = 2, MlpWidth = 64, LanguageModelHead = true },
        Optimizer = new() { LearningRate = 1e-3, WeightDecay = 0.1, Beta1 = 0.9, Beta2 = 0.98 },
        Training = new() { BatchSize = 32, EvaluateEvery = 10, MeasureEvery = 20, CheckpointEvery = 20 },
        Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
    };
}
