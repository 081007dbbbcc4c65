using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>accuracy</c> measure (<see cref="GrokDsl.Accuracy"/>): "train" and "test" as correct / total, both
/// integers until the one division, and the counts themselves as "train_correct", "train_total", ...
/// </summary>
public sealed class AccuracyProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "accuracy";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    public IProgressMeasure Create(ComponentOptions options) => new AccuracyMeasure(options.Bind<Accuracy>());

    sealed class AccuracyMeasure(Accuracy options) : IProgressMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            using var scope = NewDisposeScope();
            var values = new Dictionary<string, double>();
            Add(values, "train", context.Model, context.Data.TrainInputs, context.Data.TrainTargets);
            if (options.IncludeTest) Add(values, "test", context.Model, context.Data.TestInputs, context.Data.TestTargets);
            return values;
        }

        static void Add(Dictionary<string, double> values, string split, nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets)
        {
            var device = ModelParameters.DeviceOf(model);
            var (correct, total) = CorrectCount(ModelParameters.Evaluate(model, inputs.to(device)), targets.to(device));
            values[split] = total == 0 ? double.NaN : (double)correct / total;
            values[$"{split}_correct"] = correct;
            values[$"{split}_total"] = total;
        }
    }

    /// <summary>How many rows of <paramref name="logits"/> have their largest entry at the target, and how many rows there are.</summary>
    public static (long Correct, long Total) CorrectCount(Tensor logits, Tensor targets)
    {
        using var scope = NewDisposeScope();
        return (logits.argmax(1).eq(targets).sum().item<long>(), targets.shape[0]);
    }
}
