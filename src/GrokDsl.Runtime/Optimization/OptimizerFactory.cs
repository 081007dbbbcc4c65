using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Optimization;

/// <summary>Builds the TorchSharp optimizer an experiment asks for, always passing weight decay explicitly.</summary>
public static class OptimizerFactory
{
    public static OptimizerHelper Create(OptimizerOptions options, IEnumerable<Parameter> parameters) => options switch
    {
        AdamW o => optim.AdamW(parameters, o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, weight_decay: o.WeightDecay),
        Adam o => optim.Adam(parameters, o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, weight_decay: o.WeightDecay),
        Sgd o => optim.SGD(parameters, o.LearningRate, o.Momentum, dampening: 0, weight_decay: o.WeightDecay, nesterov: o.Nesterov),
        _ => throw new ArgumentException($"Optimizer {options.GetType().Name} is not supported."),
    };

    /// <summary>
    /// The learning rate at a step: linear warmup over the first steps, then constant or cosine-annealed
    /// to the final fraction at <paramref name="maxSteps"/>. A pure function of the step, so resumed runs
    /// need no scheduler state.
    /// </summary>
    public static double LearningRateAt(OptimizerOptions options, long step, long maxSteps)
    {
        var warmup = options.WarmupSteps > 0 ? Math.Min(1.0, (step + 1.0) / options.WarmupSteps) : 1.0;
        if (options.Schedule == LearningRateSchedule.Constant) return options.LearningRate * warmup;

        var span = Math.Max(1, maxSteps - options.WarmupSteps);
        var progress = Math.Clamp((step - options.WarmupSteps) / (double)span, 0, 1);
        var final = options.FinalLearningRateFraction;
        var cosine = final + (1 - final) * 0.5 * (1 + Math.Cos(Math.PI * progress));
        return options.LearningRate * warmup * cosine;
    }
}
