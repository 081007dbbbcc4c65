namespace GrokDsl.Experiments;

/// <summary>
/// Doshi, Das and Gromov (ICLR 2024), "To grok or not to grok: disentangling generalization and memorization on
/// corrupted algorithmic datasets" (arXiv:2310.13061): modular addition mod 97 with a fraction ξ of the training
/// labels corrupted, learned by Gromov's 2-layer MLP (quadratic activation, no biases, width 500, one-hot inputs).
/// Over ξ and the weight decay the network falls into phases: it memorizes the corrupted labels and still
/// generalizes ("coexistence"), generalizes and refuses to memorize them ("full inversion": it predicts the true
/// labels of the corrupted examples), or memorizes without generalizing. Memorizing is done by neurons whose
/// Fourier spectrum is spread out (low inverse participation ratio); pruning them moves a coexisting network to
/// inversion: its training accuracy falls to 1 − ξ and its test accuracy stays or rises (section 4). Setup of the
/// group's phase-diagram code (d-doshi/Grokking): AdamW lr 1e-2, β (0.9, 0.98), full batch, 2,000 epochs, cross-
/// entropy, half of the pairs for training. GrokDsl's choices: the corner cells ξ ∈ {0.1, 0.3} × weight decay
/// {0, 5} instead of the 17 × 9 grid, PyTorch's default initialization, and the neuron-pruning measure at 20% of
/// the neurons (the paper prunes progressively).
/// </summary>
[Experiment("doshi-2024", Source = "Doshi, Das, Gromov, ICLR 2024, arXiv:2310.13061, sections 3-4; d-doshi/Grokking")]
public sealed partial record Doshi2024
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 97, Operation = "a+b", TrainFraction = 0.5, Encoding = "one-hot", LabelNoise = 0.1 };

    /// <summary>ξ, the fraction of training labels replaced by a wrong class.</summary>
    [Sweep(0.1, 0.3)]
    public double Corruption { get => Data.LabelNoise; init => Data = Data with { LabelNoise = value }; }

    public Mlp Model { get; init; } = new() { Depth = 1, HiddenWidth = 500, Activation = "quadratic", Bias = false, Input = "flat" };

    /// <summary>Decoupled weight decay; 0 is the memorization side of the phase diagram.</summary>
    [Sweep(0.0, 5.0)]
    public double WeightDecay { get; init; } = 5.0;

    public AdamW Optimizer => new() { LearningRate = 1e-2, WeightDecay = WeightDecay, Beta1 = 0.9, Beta2 = 0.98 };

    public Training Training { get; init; } = new() { EvaluateEvery = 20, MeasureEvery = 500, CheckpointEvery = 500 };

    /// <summary>2,000 full-batch epochs; the phases are read at the end, so the run does not stop at grokking.</summary>
    public Stopping Stopping { get; init; } = new() { MaxSteps = 2_000, StopAfterGrokking = false };

    public int Seed { get; init; }

    public IReadOnlyList<object> Measures { get; init; } = ["weight-norm", new NeuronPruning { Fraction = 0.2 }];

    public static Doshi2024 Smoke => new Doshi2024() with
    {
        Data = new() { Modulus = 17, Operation = "a+b", TrainFraction = 0.5, Encoding = "one-hot", LabelNoise = 0.1 },
        Model = new() { Depth = 1, HiddenWidth = 64, Activation = "quadratic", Bias = false, Input = "flat" },
        Training = new() { EvaluateEvery = 10, MeasureEvery = 20 },
        Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
    };
}
