using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>effective-rank</c> measure (<see cref="GrokDsl.EffectiveRank"/>): for every analysed 2-D parameter,
/// "&lt;name&gt;.effective_rank", "&lt;name&gt;.spectral_norm", "&lt;name&gt;.nuclear_norm" and
/// "&lt;name&gt;.stable_rank" (<see cref="SingularValueStatistics"/>), and over them "mean_effective_rank"
/// and "max_spectral_norm"; for each of <c>ActivationModules</c>, "&lt;module&gt;.activation_sparsity" and
/// "&lt;module&gt;.dead_fraction" on the training set (<see cref="ActivationSparsity"/>).
/// </summary>
public sealed class EffectiveRankProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "effective-rank";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    public IProgressMeasure Create(ComponentOptions options)
    {
        var o = options.Bind<EffectiveRank>();
        if (o.Parameters is { Count: 0 }) throw new ArgumentException("Parameters, when given, must name at least one parameter.");
        if (o.ActivationThreshold < 0) throw new ArgumentException("ActivationThreshold must not be negative.");
        return new EffectiveRankMeasure(o);
    }

    sealed class EffectiveRankMeasure(EffectiveRank options) : IProgressMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            using var scope = NewDisposeScope();
            var matrices = options.Parameters is { } names
                ? names.Select(n => (Name: n, Value: ModelParameters.Find(context.Model, n))).ToList()
                : ModelParameters.Named(context.Model).Where(p => p.Value.dim() == 2).ToList();
            var values = new Dictionary<string, double>();
            var summaries = new List<SpectralSummary>();
            foreach (var (name, value) in matrices)
            {
                if (value.dim() != 2) throw new ArgumentException($"Parameter '{name}' is not a matrix.");
                var s = SingularValueStatistics.Summarize(value);
                summaries.Add(s);
                if (!options.PerParameter) continue;
                values[$"{name}.effective_rank"] = s.EffectiveRank;
                values[$"{name}.spectral_norm"] = s.SpectralNorm;
                values[$"{name}.nuclear_norm"] = s.NuclearNorm;
                values[$"{name}.stable_rank"] = s.StableRank;
            }
            if (summaries.Count > 0)
            {
                values["mean_effective_rank"] = summaries.Select(s => s.EffectiveRank).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
                values["max_spectral_norm"] = summaries.Max(s => s.SpectralNorm);
            }
            foreach (var module in options.ActivationModules)
            {
                var inputs = context.Data.TrainInputs.to(ModelParameters.DeviceOf(context.Model));
                var sparsity = ActivationSparsity.Compute(ActivationCapture.Capture(context.Model, module, inputs), options.ActivationThreshold);
                values[$"{module}.activation_sparsity"] = sparsity.Sparsity;
                values[$"{module}.dead_fraction"] = sparsity.DeadFraction;
            }
            return values;
        }
    }
}
