namespace GrokDsl.Experiments;

#pragma warning disable GROK0007 // Prieto et al. train without weight decay on purpose: that is the phenomenon.

/// <summary>
/// Prieto, Barsbey, Mediano and Birdal 2025, "Grokking at the edge of numerical stability"
/// (arXiv:2501.04697): an MLP (two hidden layers of 200, no bias) on the one-hot pair encoding of
/// a+b mod 113 with 40% of the pairs, full batch, AdamW with β2 0.99, ε 1e-25 and no weight decay,
/// float32 parameters, seed 42 (utils.py parse_args). Without weight decay, float32 softmax collapses
/// and the model stops learning. Each variant is one line of run_main_experiments.sh:
/// <list type="bullet">
/// <item>"float32": Fig. 2, cross-entropy in float32, lr 5e-4, ε 1e-30, 20k epochs.</item>
/// <item>"float64": Fig. 1, the same float32 model with the cross-entropy in float64
/// (<c>--cross_entropy_dtype float64</c>: the loss, not the training, is float64), lr 0.01, 80k epochs.</item>
/// <item>"stablemax": Fig. 1, StableMax cross-entropy (computed in float64), lr 0.01, β2 0.999, 80k epochs.</item>
/// <item>"perpendicular": Fig. 1, ⊥AdamW (lr 0.01, β2 0.99), 300 epochs.</item>
/// </list>
/// One budget covers all variants (80k steps, stopping once grokked); the paper's per-variant budgets
/// are above. The paper's code has no default learning rate: every figure sets its own.
/// </summary>
[Experiment("prieto-2025", Source = "Prieto et al. 2025, arXiv:2501.04697, Figs. 1-2 and run_main_experiments.sh")]
public sealed partial record Prieto2025
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 113, Operation = "a+b", TrainFraction = 0.4, Encoding = "one-hot" };

    public Mlp Model { get; init; } = Mlp.Prieto2025;

    /// <summary>"float32", "float64", "stablemax" or "perpendicular".</summary>
    [Sweep("float32", "float64", "stablemax", "perpendicular")]
    public string Variant { get; init; } = "float32";

    public AdamW Optimizer => Variant switch
    {
        "float32" => new() { LearningRate = 5e-4, WeightDecay = 0, Beta2 = 0.99, Epsilon = 1e-30 },
        "stablemax" => new() { LearningRate = 0.01, WeightDecay = 0, Beta2 = 0.999, Epsilon = 1e-25 },
        "perpendicular" => new() { LearningRate = 0.01, WeightDecay = 0, Beta2 = 0.99, Epsilon = 1e-25, PerpendicularGradient = true },
        _ => new() { LearningRate = 0.01, WeightDecay = 0, Beta2 = 0.99, Epsilon = 1e-25 },
    };

    public Training Training => new()
    {
        EvaluateEvery = 10,
        MeasureEvery = 100,
        Precision = Precision.Float32,
        LossInFloat64 = Variant == "float64",
        Loss = Variant == "stablemax" ? LossFunction.StableMaxCrossEntropy : LossFunction.CrossEntropy,
        CheckpointEvery = 5000,
    };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 80_000 };

    public int Seed { get; init; } = 42;

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm", "softmax-collapse"];

    public static Prieto2025 Smoke => new Prieto2025() with
    {
        Data = new() { Modulus = 17, Operation = "a+b", TrainFraction = 0.4, Encoding = "one-hot" },
        Stopping = new() { MaxSteps = 30 },
    };
}
