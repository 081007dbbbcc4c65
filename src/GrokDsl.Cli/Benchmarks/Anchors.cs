using GrokDsl.Experiments;

namespace GrokDsl.Cli.Benchmarks;

/// <summary>One anchor model: what the output calls it and its run at a given step count and seed.</summary>
sealed record Anchor(string Name, string Description, Func<int, int, RunSpec> Spec);

/// <summary>
/// The measured anchors of the benchmarks: a+b mod 113, 30% train, full batch, AdamW lr 1e-3, wd 1, β 0.9/0.98, no
/// measures, evaluated only at the first and last step; an MLP (Embedding 128, hidden 512) and Nanda et al.'s
/// transformer (1 layer, d 128, 4 heads of 32, MLP 512, tokens [a, b, =], float32 loss, no warmup). bench/pytorch_cpu.py
/// builds the same two in PyTorch.
/// </summary>
static class Anchors
{
    public static readonly Anchor Mlp = new("mlp", "MLP 128/512", (steps, seed) => (new ModularAddition() with
    {
        Data = new() { Modulus = 113, TrainFraction = 0.3 },
        Model = new() { EmbeddingWidth = 128, HiddenWidth = 512 },
        Training = new() { EvaluateEvery = steps, MeasureEvery = steps },
        Stopping = new() { MaxSteps = steps, StopAfterGrokking = false },
        Measures = [],
        Seed = seed,
    }).ToRunSpec());

    public static readonly Anchor Transformer = new("transformer", "transformer 1 layer, d 128, 4 heads, MLP 512", (steps, seed) => (new Nanda2023() with
    {
        Data = new() { Modulus = 113, Operation = "a+b", TrainFraction = 0.3, Encoding = "tokens-with-equals" },
        Model = GrokDsl.Transformer.Nanda2023,
        Optimizer = new() { LearningRate = 1e-3, WeightDecay = 1.0, Beta1 = 0.9, Beta2 = 0.98 },
        Training = new() { EvaluateEvery = steps, MeasureEvery = steps },
        Stopping = new() { MaxSteps = steps, StopAfterGrokking = false },
        Measures = [],
        Seed = seed,
    }).ToRunSpec());
}
