namespace GrokDsl.Experiments;

/// <summary>
/// Murty, Sharma, Andreas and Manning (ACL 2023, arXiv:2305.18741), "Grokking of Hierarchical Structure in Vanilla
/// Transformers", on question formation (McCoy et al. 2020), at CPU size: causal transformer language models of 2, 4
/// and 6 layers learn to copy declaratives and to turn those without a relative clause on the subject into
/// questions; the generalization split (the test split, on which grokking is timed) asks for questions of sentences
/// with one, where fronting the first auxiliary fails. Murty et al. train d = 512, 4 heads, lr 1e-4, up to ~300k
/// steps, over depths {2, 4, 6, 8, 10}, and find intermediate depths grok best. This variant is width 128 over
/// depths {2, 4, 6} on a smaller grammar and sample; the weight decay (0.1) and the sizes are ours, and it has not yet
/// been shown to grok.
/// </summary>
[Experiment("murty-2023", Source = "Murty, Sharma, Andreas and Manning, ACL 2023, arXiv:2305.18741 (question formation, depth sweep); CPU-sized")]
public sealed partial record Murty2023
{
    public QuestionFormation Data { get; init; } = new()
    {
        TrainQuestions = 10_000, TrainCopies = 10_000, InDistributionSamples = 1_000, GeneralizationSamples = 1_000, ModifierProbability = 0.5,
    };

    public Transformer Model { get; init; } = new()
    {
        Layers = 4, Width = 128, Heads = 4, MlpWidth = 512, Activation = "gelu",
        LayerNorm = "pre", PositionalEmbedding = "learned", LanguageModelHead = true,
    };

    /// <summary>The depth sweep: Murty et al.'s finding is an inverted U over depth.</summary>
    [Sweep(2, 4, 6)]
    public int Layers { get => Model.Layers; init => Model = Model with { Layers = value }; }

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-4, WeightDecay = 0.1, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 100 };

    public Training Training { get; init; } = new() { BatchSize = 128, EvaluateEvery = 200, MeasureEvery = 1000, CheckpointEvery = 2000 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 50_000, StopAfterGrokking = false };

    public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

    /// <summary>The same pipeline in seconds: small samples, width 32, 40 steps per depth; it checks the wiring, not grokking.</summary>
    public static Murty2023 Smoke => new Murty2023() with
    {
        Data = new() { TrainQuestions = 64, TrainCopies = 64, InDistributionSamples = 32, GeneralizationSamples = 32 },
        Model = new() { Width = 32, Heads = 2, MlpWidth = 64, LanguageModelHead = true },
        Optimizer = new() { LearningRate = 1e-3, WeightDecay = 0.1, Beta1 = 0.9, Beta2 = 0.98 },
        Training = new() { BatchSize = 32, EvaluateEvery = 10, MeasureEvery = 20, CheckpointEvery = 20 },
        Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
    };
}
