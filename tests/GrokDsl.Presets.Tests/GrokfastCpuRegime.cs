namespace GrokDsl.Presets.Tests;

/// <summary>
/// A CPU-sized stand-in for Grokfast's algorithmic setup (Lee et al. 2024, arXiv:2405.20233, appendix B.1):
/// the same optimizer family, Adam with weight decay coupled into the gradient (L2), and a small embedding MLP
/// instead of the transformer so that a run takes seconds. The filter does not see the decay term: checked in
/// TorchSharp's Adam.step() (0.107), the L2 term is added to the gradient inside step() (grad + wd·param, as PyTorch's
/// Adam does), while the filter rewrites .grad before step() (TorchSharpEngine: transforms, then step), which is the
/// order of Grokfast's own main.py too. So the filter amplifies the slow part of the loss gradient only; the decay
/// then enters unfiltered but, unlike AdamW's, through Adam's moment estimates, which the amplified gradient inflates.
/// (OptimizerTests.AdamsCoupledWeightDecayEntersInsideStepAfterTheGradientTransforms pins the order.)
/// </summary>
[Experiment("grokfast-cpu-regime", Source = "Lee et al. 2024, arXiv:2405.20233, appendix B.1 (optimizer family); CPU-sized MLP")]
public sealed partial record GrokfastCpuRegime
{
    public ModularArithmetic Data { get; init; } = new() { Modulus = 31, Operation = "a+b", TrainFraction = 0.5 };

    public Mlp Model { get; init; } = new() { EmbeddingWidth = 32, HiddenWidth = 128 };

    public Adam Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 0.01, Beta1 = 0.9, Beta2 = 0.98 };

    public Training Training { get; init; } = new() { EvaluateEvery = 10, MeasureEvery = 1000 };

    public Stopping Stopping { get; init; } = new() { MaxSteps = 6000, StopAfterGrokking = true };

    public int Seed { get; init; }

    public IReadOnlyList<string> Measures { get; init; } = [];
}
