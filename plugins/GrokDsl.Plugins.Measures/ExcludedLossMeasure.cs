using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>excluded-loss</c> measure (<see cref="GrokDsl.ExcludedLoss"/>; Nanda et al. 2023, §5.1, code
/// <c>calculate_excluded_loss</c>): the model's logits on all p² pairs minus their projection on the key
/// frequencies' cos/sin(w_k(a±b)) directions (<see cref="TrigDirections.Exclude"/>, no bias correction),
/// scored by float64 cross-entropy on the training pairs. Reports "loss" (all key frequencies removed
/// together, as in the paper), "train_loss" (unmodified logits, same pairs), the key frequencies
/// (<see cref="KeyFrequencyValues"/>), and
/// with <c>PerFrequency</c> "k&lt;k&gt;" (one frequency removed, as the code's per-frequency list).
/// </summary>
public sealed class ExcludedLossProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "excluded-loss";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    public IProgressMeasure Create(ComponentOptions options)
    {
        var o = options.Bind<ExcludedLoss>();
        return new ExcludedLossMeasure(o, new KeyFrequencyFinder(o, o.KeyFrequencies));
    }

    sealed class ExcludedLossMeasure(ExcludedLoss options, KeyFrequencyFinder finder) : IProgressMeasure
    {
        readonly ModularTaskCache _task = new();

        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            using var scope = NewDisposeScope();
            var task = _task.Get(context.Data);
            if (task.Sign == 0) throw new ArgumentException("The excluded loss needs an a+b or a−b task.");
            var (p, sign) = (task.Modulus, task.Sign);
            var logits = task.GridLogits(context.Model);
            var keys = finder.Find(context.Model, task, context.Data.Shape.VocabularySize, logits);
            var rows = task.TrainRows();

            var values = new Dictionary<string, double>
            {
                ["loss"] = TrigDirections.CrossEntropy(TrigDirections.Exclude(logits, p, keys.Frequencies, sign), task.Labels, rows),
                ["train_loss"] = TrigDirections.CrossEntropy(logits, task.Labels, rows),
            };
            KeyFrequencyValues.Add(values, keys);
            if (options.PerFrequency)
                foreach (var k in keys.Frequencies)
                    values[$"k{k}"] = TrigDirections.CrossEntropy(TrigDirections.Exclude(logits, p, [k], sign), task.Labels, rows);
            return values;
        }
    }
}
