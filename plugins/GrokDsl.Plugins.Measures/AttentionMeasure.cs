using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>attention</c> measure (<see cref="GrokDsl.Attention"/>): for every layer "layer&lt;l&gt;.entropy",
/// "layer&lt;l&gt;.max_weight" and "layer&lt;l&gt;.below_uniform" (<see cref="AttentionSummary"/>), and their means over
/// the layers as "entropy", "max_weight" and "below_uniform", on the first sequences of a split; padding rows are left
/// out. Cost: one forward pass over the sample plus the [N, heads, T, T] weights of every layer.
/// </summary>
public sealed class AttentionProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "attention";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    public IProgressMeasure Create(ComponentOptions options) => new AttentionMeasure(options.Bind<Attention>());

    sealed class AttentionMeasure(Attention options) : IProgressMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            if (context.Model is not IAttentionModel attentive)
                throw new ArgumentException($"The model ({context.Model.GetType().Name}) does not show its attention weights (contract 1.5, IAttentionModel).");
            using var scope = NewDisposeScope();
            var (inputs, targets) = SequenceSample.Split(context.Data, options.Split);
            var count = options.Samples == 0 ? inputs.shape[0] : Math.Min(options.Samples, inputs.shape[0]);
            var lengths = SequenceSample.Lengths(targets, context.Data.Shape.IsSequence, inputs.shape[1], (int)count);
            var tokens = inputs.narrow(0, 0, count).to(ModelParameters.DeviceOf(context.Model));

            var layers = ModelParameters.InEvalMode(context.Model, () => attentive.AttentionWeights(tokens)).Select(w => AttentionStatistics.Summarize(w, lengths)).ToList();
            var values = new Dictionary<string, double>();
            for (var l = 0; l < layers.Count; l++)
            {
                values[$"layer{l}.entropy"] = layers[l].Entropy;
                values[$"layer{l}.max_weight"] = layers[l].MaxWeight;
                values[$"layer{l}.below_uniform"] = layers[l].BelowUniform;
            }
            values["entropy"] = layers.Average(s => s.Entropy);
            values["max_weight"] = layers.Average(s => s.MaxWeight);
            values["below_uniform"] = layers.Average(s => s.BelowUniform);
            return values;
        }
    }
}
