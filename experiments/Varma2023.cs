namespace GrokDsl.Experiments;

/// <summary>
/// Varma, Shah, Kenton, Kramár and Kumar 2023, "Explaining grokking through circuit efficiency" (arXiv:2309.02390):
/// the generalizing circuit wins because it is more efficient (a smaller parameter norm for the same logits) above a
/// critical dataset size D_crit, and loses below it. Their "ungrokking" follows: a network that has grokked, trained
/// on with a training set smaller than D_crit, memorizes that set and its test accuracy falls. Here the network is
/// the default experiment's (an embedding MLP on a+b mod 97, AdamW, weight decay 1), grokked on half of the pairs,
/// then trained on with a fraction of the pairs taken from its own training set (the same split seed: the smaller
/// set is a prefix of the same shuffle). The test set is the rest of the pairs, so it holds the dropped training
/// pairs too. Varma et al. use a 1-layer transformer on several tasks; the MLP, the fractions and the budget are
/// GrokDsl's choices.
/// </summary>
[Experiment("varma-2023", Source = "Varma et al. 2023, arXiv:2309.02390 (ungrokking); warm start from modular-addition")]
public sealed partial record Varma2023
{
    /// <summary>The grokked network every run starts from: the default experiment, which stops once grokked.</summary>
    public static ModularAddition Grokked { get; } = new();

    public ModularArithmetic Data { get; init; } = Grokked.Data with { TrainFraction = 0.1 };

    /// <summary>The share of all pairs trained on after grokking; the source trained on 0.5.</summary>
    [Sweep(0.05, 0.1, 0.2, 0.4)]
    public double TrainFraction { get => Data.TrainFraction; init => Data = Data with { TrainFraction = value }; }

    public Mlp Model { get; init; } = Grokked.Model;

    public AdamW Optimizer { get; init; } = Grokked.Optimizer;

    public Training Training { get; init; } = Grokked.Training with { InitializeFrom = InitializeFrom.Of(Grokked) };

    /// <summary>It starts grokked; what is measured is whether it stays so, so the run does not stop at grokking.</summary>
    public Stopping Stopping { get; init; } = new() { MaxSteps = 10_000, StopAfterGrokking = false };

    public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

    /// <summary>The smoke variant's source: the default experiment shrunk to seconds.</summary>
    public static ModularAddition SmokeSource { get; } = Grokked with
    {
        Data = new() { Modulus = 23, Operation = "a+b", TrainFraction = 0.5 },
        Model = new() { EmbeddingWidth = 16, HiddenWidth = 32 },
        Stopping = new() { MaxSteps = 30, StopAfterGrokking = false },
    };

    public static Varma2023 Smoke => new Varma2023() with
    {
        Data = SmokeSource.Data with { TrainFraction = 0.2 },
        Model = SmokeSource.Model,
        Training = SmokeSource.Training with { InitializeFrom = InitializeFrom.Of(SmokeSource) },
        Stopping = new() { MaxSteps = 30, StopAfterGrokking = false },
    };
}
