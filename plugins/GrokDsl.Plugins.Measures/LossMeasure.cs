using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>loss</c> measure (<see cref="GrokDsl.Loss"/>): the mean float64 loss of the whole train ("train")
/// and test ("test") split. The losses are those of the runtime (cross-entropy, MSE against one-hot targets
/// averaged over every element, StableMax cross-entropy), restated here because plugins see only the contracts.
/// </summary>
public sealed class LossProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "loss";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    public IProgressMeasure Create(ComponentOptions options) => new LossMeasure(options.Bind<Loss>());

    sealed class LossMeasure(Loss options) : IProgressMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            using var scope = NewDisposeScope();
            var device = ModelParameters.DeviceOf(context.Model);
            double Of(Tensor inputs, Tensor targets) =>
                MeanLoss(options.Function, ModelParameters.Evaluate(context.Model, inputs.to(device)), targets.to(device));
            var values = new Dictionary<string, double> { ["train"] = Of(context.Data.TrainInputs, context.Data.TrainTargets) };
            if (options.IncludeTest) values["test"] = Of(context.Data.TestInputs, context.Data.TestTargets);
            return values;
        }
    }

    /// <summary>The mean of <paramref name="function"/> over the rows, in float64.</summary>
    public static double MeanLoss(LossFunction function, Tensor logits, Tensor targets)
    {
        using var scope = NewDisposeScope();
        if (targets.shape[0] == 0) return double.NaN;
        var z = logits.to_type(ScalarType.Float64);
        var loss = function switch
        {
            LossFunction.CrossEntropy => nn.functional.cross_entropy(z, targets),
            LossFunction.Mse => nn.functional.mse_loss(z, nn.functional.one_hot(targets, z.shape[1]).to_type(ScalarType.Float64)),
            LossFunction.StableMaxCrossEntropy => StableMaxCrossEntropy(z, targets),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown loss function."),
        };
        return loss.item<double>();
    }

    // Prieto et al. 2025, utils.py: s(x) = x + 1 for x ≥ 0, 1 / (1 − x + ε) otherwise, normalized.
    static Tensor StableMaxCrossEntropy(Tensor z, Tensor targets)
    {
        var s = where(z >= 0, z + 1, 1 / (1 - z + 1e-30));
        return nn.functional.nll_loss((s / s.sum(1, keepdim: true)).log(), targets);
    }
}
