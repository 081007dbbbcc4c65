namespace GrokDsl.Experiments;

/// <summary>
/// Barak, Edelman, Goel, Kakade, Malach and Zhang 2022, "Hidden Progress in Deep Learning: SGD Learns Parities Near
/// the Computational Limit" (arXiv:2207.08799): a k-sparse
/// parity of n bits is learned abruptly, after a long plateau of chance accuracy, in about n^O(k) steps, with hidden
/// progress (a Fourier gap) rather than random search. Setup of Hu et al. 2023 (michahu/modeling-training), the
/// grokking version with a finite training set: n = 40, k = 3, ±1 inputs, 1,000 training and 100 test strings, an
/// MLP with one hidden layer of 1,000 ReLU units, SGD lr 0.1 with weight decay 0.01 (coupled), batch 32, 300 epochs
/// (9,375 steps). Barak et al. train online on fresh samples with the hinge loss; this preset keeps Hu et al.'s
/// finite set and the cross-entropy. The same n = 40, k = 3 task with an MLP is the subject of Merrill, Tsilivis and
/// Shukla 2023, "A Tale of Two Circuits" (arXiv:2303.11873), who read grokking there as a sparse circuit
/// outcompeting a dense, memorizing one.
/// </summary>
[Experiment("barak-2022", Source = "Barak et al. 2022, arXiv:2207.08799 (sparse parity); Hu et al. 2023 setup, michahu/modeling-training")]
public sealed partial record Barak2022
{
    public SparseParity Data { get; init; } = new() { Bits = 40, RelevantBits = 3, TrainSamples = 1000, TestSamples = 100, Encoding = "signed" };

    public Mlp Model { get; init; } = new() { Depth = 1, HiddenWidth = 1000, Input = "flat" };

    public Sgd Optimizer { get; init; } = new() { LearningRate = 0.1, WeightDecay = 0.01 };

    public Training Training { get; init; } = new() { BatchSize = 32, EvaluateEvery = 50, MeasureEvery = 250, CheckpointEvery = 2500 };

    /// <summary>300 epochs of 1,000 samples at batch 32.</summary>
    public Stopping Stopping { get; init; } = new() { MaxSteps = 9_375 };

    [Sweep(0, 1, 2)] public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

    public static Barak2022 Smoke => new Barak2022() with
    {
        Data = new() { Bits = 10, RelevantBits = 2, TrainSamples = 64, TestSamples = 16 },
        Model = new() { Depth = 1, HiddenWidth = 32, Input = "flat" },
        Training = new() { BatchSize = 16, EvaluateEvery = 10, MeasureEvery = 20 },
        Stopping = new() { MaxSteps = 30 },
    };
}
