using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>softmax-collapse</c> measure (<see cref="GrokDsl.SoftmaxCollapse"/>; Prieto et al. 2025): on the
/// training set, "fraction" of samples whose softmax has collapsed and "zero_loss_fraction" of samples whose
/// loss is exactly 0, in the configured precision (<see cref="SoftmaxCollapseStatistics"/>); with
/// <c>IncludeTest</c> also "test_fraction" and "test_zero_loss_fraction".
/// </summary>
public sealed class SoftmaxCollapseProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "softmax-collapse";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    public IProgressMeasure Create(ComponentOptions options) => new SoftmaxCollapseMeasure(options.Bind<SoftmaxCollapse>());

    sealed class SoftmaxCollapseMeasure(SoftmaxCollapse options) : IProgressMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            using var scope = NewDisposeScope();
            var values = new Dictionary<string, double>();
            Add(values, "", context, context.Data.TrainInputs, context.Data.TrainTargets);
            if (options.IncludeTest) Add(values, "test_", context, context.Data.TestInputs, context.Data.TestTargets);
            return values;
        }

        void Add(Dictionary<string, double> values, string prefix, MeasureContext context, Tensor inputs, Tensor targets)
        {
            var device = ModelParameters.DeviceOf(context.Model);
            var logits = ModelParameters.Evaluate(context.Model, inputs.to(device));
            var precision = SoftmaxCollapseStatistics.ToScalarType(options.Precision, logits.dtype);
            var (collapsed, zeroLoss) = SoftmaxCollapseStatistics.Compute(logits, targets.to(device), precision);
            values[$"{prefix}fraction"] = collapsed;
            values[$"{prefix}zero_loss_fraction"] = zeroLoss;
        }
    }
}
