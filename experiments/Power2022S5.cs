namespace GrokDsl.Experiments;

/// <summary>
/// Power et al. 2022 (arXiv:2201.02177), the S5 tasks of appendix A.1.1: x·y, x·y·x⁻¹ and x·y·x over the 120
/// permutations of five points, with the paper's transformer and optimizer of appendix A.1.2 (2 layers, width 128,
/// 4 heads, AdamW lr 1e-3, weight decay 1, β (0.9, 0.98), 10-step warmup, batch 512, 10⁵ updates), half of the
/// 14,400 pairs for training. Grokking is timed at 99% validation accuracy, as in the paper. The paper reports
/// for S5 x·y that train accuracy reaches 99% within 10³–10⁴ steps and that near 25–30% of the data one percent
/// less data costs 40–50% more steps to 99% validation; at 50% the product is well inside the region that
/// generalizes. Differences that remain: each permutation is one token and the sequence is [x, y] (their
/// "&lt;eos&gt; x ∘ y = " has separators); the readout covers the 120 classes, not the vocabulary.
/// </summary>
[Experiment("power-2022-s5", Source = "Power et al. 2022, arXiv:2201.02177, appendix A.1.1-A.1.2 (S5 tasks)")]
public sealed partial record Power2022S5
{
    public PermutationGroup Data { get; init; } = new() { Degree = 5, Operation = "xy", TrainFraction = 0.5 };

    public Transformer Model { get; init; } = Transformer.Power2022;

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 1.0, Beta1 = 0.9, Beta2 = 0.98, WarmupSteps = 10 };

    public Training Training { get; init; } = new() { BatchSize = 512, EvaluateEvery = 100, MeasureEvery = 1000, GrokkingThreshold = 0.99, CheckpointEvery = 5000 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 100_000 };

    /// <summary>The three S5 operations of appendix A.1.1.</summary>
    [Sweep("xy", "xyx^-1", "xyx")]
    public string Operation { get => Data.Operation; init => Data = Data with { Operation = value }; }

    [Sweep(0, 1, 2)] public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

    public static Power2022S5 Smoke => new Power2022S5() with
    {
        Data = new() { Degree = 3, Operation = "xy", TrainFraction = 0.5 },
        Model = Transformer.Power2022 with { Width = 32, MlpWidth = 64 },
        Training = new() { BatchSize = 16, EvaluateEvery = 10, MeasureEvery = 20, GrokkingThreshold = 0.99 },
        Stopping = new() { MaxSteps = 30 },
    };
}
