using System.Text.Json.Serialization;

namespace GrokDsl;

/// <summary>
/// What every optimizer shares: learning rate and its schedule, weight decay (never defaulted:
/// grokking hinges on it, and TorchSharp's AdamW default of 0 differs from PyTorch's 0.01), and the
/// gradient transforms of the grokking literature applied before each step.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "Kind")]
[JsonDerivedType(typeof(AdamW), "adamw")]
[JsonDerivedType(typeof(Adam), "adam")]
[JsonDerivedType(typeof(Sgd), "sgd")]
public abstract record OptimizerOptions
{
    [Range(Min = 0, MinExclusive = true)]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Weight decay; decoupled for <see cref="AdamW"/>, an L2 term in the gradient for <see cref="Adam"/> and <see cref="Sgd"/>.</summary>
    [Range(Min = 0)]
    public required double WeightDecay { get; init; }

    /// <summary>Linear learning-rate warmup over this many steps (0: none); Power et al. and Nanda et al. use 10.</summary>
    [Range(Min = 0)]
    public int WarmupSteps { get; init; }

    /// <summary>Learning rate after warmup: constant, or cosine-annealed to <see cref="FinalLearningRateFraction"/> by the last step.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>Where a cosine schedule ends, as a fraction of the learning rate (openai/grok anneals to 1/10).</summary>
    [Range(Min = 0, Max = 1)]
    public double FinalLearningRateFraction { get; init; } = 0.1;

    /// <summary>A Grokfast low-pass filter amplifying slow gradient components (Lee et al. 2024), or null.</summary>
    public GradientFilter? GradientFilter { get; init; }

    /// <summary>
    /// ⊥Grad (Prieto et al. 2025, arXiv:2501.04697): remove the gradient's component along the weights,
    /// rescaled to the original gradient norm, before the optimizer step.
    /// </summary>
    public bool PerpendicularGradient { get; init; }
}

/// <summary>The learning-rate curve after warmup.</summary>
public enum LearningRateSchedule
{
    Constant,
    Cosine,
}
