namespace GrokDsl.Experiments;

/// <summary>
/// Gromov 2023, "Grokking modular arithmetic" (arXiv:2301.02679): a 2-layer fully connected network
/// with quadratic activation and no biases on the one-hot encoding of (a, b), modular addition, trained
/// with AdamW; its neurons become periodic (high inverse participation ratio of their Fourier
/// spectrum, tracked by the "fourier" measure). The paper's exact width, learning rate and epochs are
/// not recoverable (its notebook is missing); width 500, lr 1e-2 and β (0.9, 0.98) follow the group's
/// later code (d-doshi/Grokking), with MSE loss as in the paper. Weight decay 1 is GrokDsl's choice (the
/// paper groks without regularization under plain gradient descent; the group's phase diagrams sweep wd in
/// {0, 5, 15, 20}); so are the 50% split and PyTorch's default initialization instead of the paper's
/// N(0, σ) with the 1/N output scaling.
/// </summary>
[Experiment("gromov-2023", Source = "Gromov 2023, arXiv:2301.02679, sections 2-3; d-doshi/Grokking utils/models.py")]
public sealed partial record Gromov2023
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 97, Operation = "a+b", TrainFraction = 0.5, Encoding = "one-hot" };

    public Mlp Model { get; init; } = new() { Depth = 1, HiddenWidth = 500, Activation = "quadratic", Bias = false, Input = "flat" };

    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-2, WeightDecay = 1.0, Beta1 = 0.9, Beta2 = 0.98 };

    public Training Training { get; init; } = new() { EvaluateEvery = 10, MeasureEvery = 100, Loss = LossFunction.Mse };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 10_000 };

    [Sweep(0, 1, 2)] public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm", "fourier"];

    public static Gromov2023 Smoke => new Gromov2023() with
    {
        Data = new() { Modulus = 17, Operation = "a+b", TrainFraction = 0.5, Encoding = "one-hot" },
        Model = new() { Depth = 1, HiddenWidth = 64, Activation = "quadratic", Bias = false, Input = "flat" },
        Stopping = new() { MaxSteps = 30 },
    };
}
