namespace GrokDsl.Experiments;

/// <summary>
/// Carvalho, d'Avila Garcez, Lamb and Vital Brazil 2025, "Grokking Explained: A Statistical
/// Phenomenon" (arXiv:2502.01774): Gaussian classes built from subclasses, with one subclass per
/// class down-sampled in training to a fraction f (their Eq. 1), test sampled without down-sampling.
/// f = 0 removes the subclass and prevents grokking on the equidistant dataset; f = 0.01 or 0.2 induce
/// it; the equivariant dataset groks even at f = 0. MLP, lr 1e-3, weight decay 1e-4, init scale 8,
/// 2,000 training samples, 10,000 test samples. The paper's 2-layer transformer variant is not included:
/// GrokDsl's transformer takes token inputs, and these datasets are continuous features. GrokDsl's
/// choices where the paper is silent: two hidden layers of 200, batch 200, noise σ 0.2, 90% threshold,
/// 3 seeds per cell (the paper: 10 runs).
/// </summary>
[Experiment("grokking-explained-2025", Source = "Carvalho et al. 2025, arXiv:2502.01774, section 4 and Eq. 1")]
public sealed partial record GrokkingExplained2025
{
    public SubclassShift Data { get; init; } = new() { Variant = "equidistant", TrainSamples = 2000, TestSamples = 10_000, Fraction = 0.2 };

    [Sweep("equidistant", "equivariant")]
    public string Variant { get => Data.Variant; init => Data = Data with { Variant = value }; }

    [Sweep(0.0, 0.01, 0.2)]
    public double Fraction { get => Data.Fraction; init => Data = Data with { Fraction = value }; }

    public Mlp Model { get; init; } = new() { Depth = 2, HiddenWidth = 200, Input = "flat", InitScale = 8 };

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 1e-4 };

    public Training Training { get; init; } = new() { BatchSize = 200, EvaluateEvery = 50, MeasureEvery = 500, GrokkingThreshold = 0.9 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 50_000 };

    [Sweep(0, 1, 2)] public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

    public static GrokkingExplained2025 Smoke => new GrokkingExplained2025() with
    {
        Data = new() { Variant = "equidistant", TrainSamples = 200, TestSamples = 200, Fraction = 0.2 },
        Training = new() { BatchSize = 50, EvaluateEvery = 10, MeasureEvery = 20 },
        Stopping = new() { MaxSteps = 30 },
    };
}
