using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>fourier</c> measure (<see cref="GrokDsl.Fourier"/>). For the embedding and unembedding, each read as
/// signals over Z_p (<see cref="ModularTask"/>; an embedding [p, d] gives d signals), it reports under
/// "embedding." and "unembedding.":
/// <list type="bullet">
/// <item>"gini": the Gini coefficient of the per-frequency norms ‖(cos k, sin k)‖ over k = 1..⌊p/2⌋, the
/// constant left out (Nanda et al. 2023, §5.1 — it rises sharply in cleanup);</item>
/// <item>"ipr": the mean over signals of IPR_r (Gromov 2023, Eq. 20–21);</item>
/// <item>"sparsity" and "top_frequencies": 1 − n/⌊p/2⌋ and n, n the fewest frequencies that hold
/// <c>SparsityEnergy</c> of the non-constant energy;</item>
/// <item>"dominant_frequency": the frequency with the largest norm.</item>
/// </list>
/// and "key_frequencies.count" with "key_frequency.k&lt;k&gt;" = the score of each key frequency
/// (<see cref="KeyFrequencySet"/>).
/// </summary>
public sealed class FourierProvider : IMeasureProvider
{
    public string Id => "fourier";

    public IProgressMeasure Create(ComponentOptions options)
    {
        var o = options.Bind<Fourier>();
        if (o.SparsityEnergy is <= 0 or > 1) throw new ArgumentException("SparsityEnergy lies in (0, 1].");
        if (o.IprPower < 1) throw new ArgumentException("IprPower must be at least 1.");
        return new FourierMeasure(o, new KeyFrequencyFinder(o));
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

            var embedding = options.EmbeddingParameter is { } e
                ? ModelParameters.Find(context.Model, e)
                : ModelParameters.Embedding(context.Model, p, vocabulary)?.Value
                  ?? throw new ArgumentException("The model has no embedding (a 2-D parameter whose first dimension is the vocabulary); set EmbeddingParameter.");
            Spectrum(values, "embedding", ModelParameters.Signals(embedding, p, vocabulary));

            var unembedding = options.UnembeddingParameter is { } u
                ? ModelParameters.Find(context.Model, u)
                : ModelParameters.Unembedding(context.Model, context.Data.Shape.ClassCount)?.Value;
            if (unembedding is not null) Spectrum(values, "unembedding", ModelParameters.Signals(unembedding, p, vocabulary));

            var keys = finder.Find(context.Model, task, vocabulary);
            values["key_frequencies.count"] = keys.Frequencies.Count;
            foreach (var k in keys.Frequencies) values[$"key_frequency.k{k}"] = keys.Scores[k];
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
