using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>neuron-pruning</c> measure (<see cref="GrokDsl.NeuronPruning"/>; Doshi et al. 2024) on a one-hot model whose
/// first layer is [n, 2p] (<see cref="ModularTask.IsOneHot"/>): neuron i's IPR is the mean of the IPRs of its weights
/// on a and on b; the chosen neurons are silenced by zeroing their outgoing weights (the columns of the next 2-D
/// parameter that reads n inputs, the output layer of a one-hidden-layer MLP), which removes them whatever the
/// activation and biases; the weights are restored afterwards. Reports "train_accuracy_before", "train_accuracy_after",
/// "test_accuracy_before", "test_accuracy_after", "pruned" (neuron count), "ipr_threshold" (the IPR of the last
/// neuron pruned) and "mean_ipr" over all neurons.
/// </summary>
public sealed class NeuronPruningProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "neuron-pruning";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    public IProgressMeasure Create(ComponentOptions options)
    {
        var o = options.Bind<NeuronPruning>();
        if (o.Fraction is < 0 or > 1) throw new ArgumentException("Fraction lies in [0, 1].");
        if (o.IprPower < 1) throw new ArgumentException("IprPower must be at least 1.");
        return new NeuronPruningMeasure(o);
    }

    sealed class NeuronPruningMeasure(NeuronPruning options) : IProgressMeasure
    {
        readonly ModularTaskCache _task = new();

        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            using var scope = NewDisposeScope();
            var task = _task.Get(context.Data);
            if (!task.IsOneHot) throw new ArgumentException("Neuron pruning needs a model on one-hot operands (its first layer [n, 2p]).");
            var signals = ModelParameters.EmbeddingSignals(context.Model, task, 0, null);
            var n = (int)signals.shape[1] / 2;
            var iprs = FourierSpectrum.InverseParticipationRatios(signals, options.IprPower);
            var neuronIpr = Enumerable.Range(0, n).Select(i => (iprs[i] + iprs[n + i]) / 2).ToArray();
            var outgoing = OutgoingWeight(context.Model, n);

            var count = (int)Math.Round(options.Fraction * n);
            var ranked = Enumerable.Range(0, n).OrderBy(i => options.LowestIpr ? neuronIpr[i] : -neuronIpr[i]).Take(count).ToArray();
            var values = new Dictionary<string, double>
            {
                ["train_accuracy_before"] = Accuracy(context.Model, context.Data.TrainInputs, context.Data.TrainTargets),
                ["test_accuracy_before"] = Accuracy(context.Model, context.Data.TestInputs, context.Data.TestTargets),
                ["pruned"] = count,
                ["ipr_threshold"] = count > 0 ? neuronIpr[ranked[^1]] : double.NaN,
                ["mean_ipr"] = neuronIpr.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average(),
            };

            using var _ = no_grad();
            var saved = outgoing.detach().clone();
            try
            {
                if (count > 0) outgoing.index_fill_(1, tensor(ranked.Select(i => (long)i).ToArray(), device: outgoing.device), 0);
                values["train_accuracy_after"] = Accuracy(context.Model, context.Data.TrainInputs, context.Data.TrainTargets);
                values["test_accuracy_after"] = Accuracy(context.Model, context.Data.TestInputs, context.Data.TestTargets);
            }
            finally
            {
                outgoing.copy_(saved);
            }
            return values;
        }

        // The weight that reads the n hidden neurons: the first 2-D parameter after the first layer with n columns.
        static Tensor OutgoingWeight(nn.Module model, int n)
        {
            var parameters = ModelParameters.Named(model);
            var first = parameters.ToList().FindIndex(p => p.Value.dim() == 2 && p.Value.shape[0] == n);
            return parameters.Skip(first + 1).FirstOrDefault(p => p.Value.dim() == 2 && p.Value.shape[1] == n).Value
                ?? throw new ArgumentException($"The model has no layer that reads its {n} hidden neurons.");
        }

        static double Accuracy(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets)
        {
            if (targets.shape[0] == 0) return double.NaN;
            using var logits = ModelParameters.Evaluate(model, inputs);
            using var predicted = logits.argmax(1);
            using var correct = predicted.eq(targets).to_type(ScalarType.Float64);
            return correct.mean().item<double>();
        }
    }
}
