using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>fourier</c> measure (<see cref="GrokDsl.Fourier"/>). Two matrices are read as signals over Z_p
/// (<see cref="ModularTask"/>): the embedding ("embedding."; for one-hot inputs the first layer's block per operand,
/// <see cref="ModelParameters.EmbeddingSignals"/>) and the neuron-to-logit map W_L = W_U·W_out ("neuron_logit.",
/// <see cref="ModelParameters.NeuronLogitMap"/>) or, with <c>Readout</c> Unembedding, W_U ("unembedding."). For each:
/// <list type="bullet">
/// <item>"gini": the Gini coefficient of the per-frequency norms ‖(cos k, sin k)‖ over k = 1..⌊p/2⌋, the
/// constant left out (Nanda et al. 2023, §5.1 — it rises sharply in cleanup);</item>
/// <item>"ipr": the mean over signals (neurons) of IPR_r (Gromov 2023, Eq. 20–21);</item>
/// <item>"sparsity" and "top_frequencies": 1 − n/⌊p/2⌋ and n, n the fewest frequencies that hold
/// <c>SparsityEnergy</c> of the non-constant energy;</item>
/// <item>"dominant_frequency": the frequency with the largest norm.</item>
/// </list>
/// and "key_frequencies.count" with "key_frequency.k&lt;k&gt;" = the score of each key frequency
/// (<see cref="KeyFrequencySet"/>; NaN for fixed ones).
/// </summary>
public sealed class FourierProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "fourier";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    public IProgressMeasure Create(ComponentOptions options)
    {
        var o = options.Bind<Fourier>();
        if (o.SparsityEnergy is <= 0 or > 1) throw new ArgumentException("SparsityEnergy lies in (0, 1].");
        if (o.IprPower < 1) throw new ArgumentException("IprPower must be at least 1.");
        if (o.NeuronOutputParameter is not null && o.Readout != FourierReadout.NeuronLogit)
            throw new ArgumentException("NeuronOutputParameter is only used with Readout NeuronLogit.");
        return new FourierMeasure(o, new KeyFrequencyFinder(o, o.KeyFrequencies));
    }

    sealed class FourierMeasure(Fourier options, KeyFrequencyFinder finder) : IProgressMeasure
    {
        readonly ModularTaskCache _task = new();

        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            using var scope = NewDisposeScope();
            var task = _task.Get(context.Data);
            var (p, vocabulary) = (task.Modulus, context.Data.Shape.VocabularySize);
            var values = new Dictionary<string, double>();

            Spectrum(values, "embedding", ModelParameters.EmbeddingSignals(context.Model, task, vocabulary, options.EmbeddingParameter));

            var unembedding = options.UnembeddingParameter is { } u
                ? ModelParameters.Find(context.Model, u)
                : ModelParameters.Unembedding(context.Model, context.Data.Shape.ClassCount)?.Value;
            if (unembedding is not null)
            {
                if (options.Readout == FourierReadout.NeuronLogit)
                    Spectrum(values, "neuron_logit", ModelParameters.Signals(ModelParameters.NeuronLogitMap(context.Model, unembedding, options.NeuronOutputParameter), p, vocabulary));
                else
                    Spectrum(values, "unembedding", ModelParameters.Signals(unembedding, p, vocabulary));
            }

            var keys = finder.Find(context.Model, task, vocabulary);
            KeyFrequencyValues.Add(values, keys);
            return values;
        }

        void Spectrum(Dictionary<string, double> values, string prefix, Tensor signals)
        {
            var energies = FourierSpectrum.FrequencyEnergies(signals)[1..];
            var norms = energies.Select(Math.Sqrt).ToArray();
            var (count, sparsity) = FourierSpectrum.Sparsity(energies, options.SparsityEnergy);
            values[$"{prefix}.gini"] = FourierSpectrum.Gini(norms);
            values[$"{prefix}.ipr"] = FourierSpectrum.InverseParticipationRatios(signals, options.IprPower).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
            values[$"{prefix}.sparsity"] = sparsity;
            values[$"{prefix}.top_frequencies"] = count;
            values[$"{prefix}.dominant_frequency"] = Array.IndexOf(norms, norms.Max()) + 1;
        }
    }
}
