using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.SamplePlugin;

/// <summary>Options of "sample-margin".</summary>
public sealed record LogitMarginOptions
{
    /// <summary>"train" or "test": which split to measure.</summary>
    public string Split { get; init; } = "test";
}

/// <summary>
/// Progress measure "sample-margin": the logit margin (correct logit minus the largest other logit),
/// averaged over a split ("mean"), and the fraction of examples with a positive margin ("positive").
/// A model that groks sees the test margin turn positive long after the train margin did.
/// </summary>
public sealed class LogitMarginMeasure : IMeasureProvider
{
    public string Id => "sample-margin";

    public IProgressMeasure Create(ComponentOptions options)
    {
        var o = options.Bind<LogitMarginOptions>();
        if (o.Split is not ("train" or "test")) throw new ArgumentException($"sample-margin Split must be \"train\" or \"test\", not \"{o.Split}\".");
        return new Margin(o.Split == "train");
    }

    // One instance per run; it holds no tensors between calls, so nothing outlives the run.
    sealed class Margin(bool onTrain) : IProgressMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            // The host calls this under no_grad; a scope of our own frees every temporary at once.
            using var scope = NewDisposeScope();
            var (inputs, targets) = onTrain
                ? (context.Data.TrainInputs, context.Data.TrainTargets)
                : (context.Data.TestInputs, context.Data.TestTargets);
            var logits = context.Model.forward(inputs);
            var isTarget = nn.functional.one_hot(targets, logits.shape[1]).to_type(ScalarType.Bool);
            var correct = logits.masked_select(isTarget);
            var others = logits.masked_fill(isTarget, float.NegativeInfinity).max(1).values;
            var margin = correct - others;
            return new Dictionary<string, double>
            {
                ["mean"] = margin.mean().item<float>(),
                ["positive"] = (margin > 0).to_type(ScalarType.Float32).mean().item<float>(),
            };
        }
    }
}
