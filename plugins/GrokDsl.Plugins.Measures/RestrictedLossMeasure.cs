using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>restricted-loss</c> measure (<see cref="GrokDsl.RestrictedLoss"/>; Nanda et al. 2023, §5.1, code
/// <c>calculate_trig_loss</c> with <c>mode='all'</c>): the model's logits on all p² pairs, restricted to the
/// key frequencies' cos/sin(w_k(a±b)) directions with each class's mean added back
/// (<see cref="TrigDirections.Restrict"/>), scored by float64 cross-entropy on every labelled pair.
/// Reports "loss", "full_loss" (the same pairs, unmodified logits) and the key frequencies (<see cref="KeyFrequencyValues"/>).
/// The cross-entropy is float64, as Nanda's <c>cross_entropy_high_precision</c> says it is (its code casts to float32).
/// </summary>
public sealed class RestrictedLossProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "restricted-loss";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    public IProgressMeasure Create(ComponentOptions options)
    {
        var o = options.Bind<RestrictedLoss>();
        return new RestrictedLossMeasure(new KeyFrequencyFinder(o, o.KeyFrequencies));
    }

    sealed class RestrictedLossMeasure(KeyFrequencyFinder finder) : IProgressMeasure
    {
        readonly ModularTaskCache _task = new();

        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            using var scope = NewDisposeScope();
            var task = _task.Get(context.Data);
            if (task.Sign == 0) throw new ArgumentException("The restricted loss needs an a+b or a−b task.");
            var logits = task.GridLogits(context.Model);
            var keys = finder.Find(context.Model, task, context.Data.Shape.VocabularySize, logits);
            var restricted = TrigDirections.Restrict(logits, task.Modulus, keys.Frequencies, task.Sign);
            var rows = task.LabelledRows();
            var values = new Dictionary<string, double>
            {
                ["loss"] = TrigDirections.CrossEntropy(restricted, task.Labels, rows),
                ["full_loss"] = TrigDirections.CrossEntropy(logits, task.Labels, rows),
            };
            KeyFrequencyValues.Add(values, keys);
            return values;
        }
    }
}
