using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>weight-statistics</c> measure (<see cref="GrokDsl.WeightStatistics"/>; Hu et al. 2023, arXiv:2308.09543):
/// "&lt;parameter&gt;.&lt;stat&gt;" for each parameter and "all.&lt;stat&gt;" over them (<see cref="WeightStatisticsMath"/>
/// for the conventions). Every parameter has l1 and l2. A matrix (2-D) also has trace, spectral (σ_max), code_sparsity
/// (l1/l2), computational_sparsity (trace/spectral), sv_mean and sv_variance, and weight_mean, weight_median and
/// weight_variance; a bias (a 1-D parameter named "…bias") has bias_mean, bias_median and bias_variance; any other
/// parameter (a LayerNorm gain, an embedding of rank above 2) counts as weights. "all." pools: l1 and l2 over every
/// parameter, trace summed over the matrices, spectral their largest, the singular values, weights and biases pooled.
/// </summary>
public sealed class WeightStatisticsProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "weight-statistics";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    public IProgressMeasure Create(ComponentOptions options)
    {
        var o = options.Bind<WeightStatistics>();
        if (o.Parameters is { Count: 0 }) throw new ArgumentException("Parameters, when given, must name at least one parameter.");
        return new WeightStatisticsMeasure(o);
    }

    sealed class WeightStatisticsMeasure(WeightStatistics options) : IProgressMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            using var scope = NewDisposeScope();
            var parameters = options.Parameters is { } names
                ? names.Select(n => (Name: n, Value: ModelParameters.Find(context.Model, n))).ToList()
                : [.. ModelParameters.Named(context.Model)];
            var values = new Dictionary<string, double>();
            var (all, weights, biases, singular) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            var (trace, spectral) = (0.0, 0.0);
            foreach (var (name, parameter) in parameters)
            {
                var entries = parameter.detach().to_type(ScalarType.Float64).cpu().data<double>().ToArray();
                all.AddRange(entries);
                var stats = new Dictionary<string, double> { ["l1"] = WeightStatisticsMath.L1(entries), ["l2"] = WeightStatisticsMath.L2(entries) };
                if (IsBias(name, parameter))
                {
                    biases.AddRange(entries);
                    AddLocation(stats, "bias", entries);
                }
                else
                {
                    weights.AddRange(entries);
                    AddLocation(stats, "weight", entries);
                }
                if (parameter.dim() == 2)
                {
                    var summary = SingularValueStatistics.Summarize(parameter);
                    var matrix = Matrix(entries, (int)parameter.shape[0], (int)parameter.shape[1], summary);
                    foreach (var (stat, value) in matrix) stats[stat] = value;
                    trace += matrix["trace"];
                    spectral = Math.Max(spectral, summary.SpectralNorm);
                    singular.AddRange(summary.SingularValues);
                }
                if (options.PerParameter)
                    foreach (var (stat, value) in stats) values[$"{name}.{stat}"] = value;
            }

            var (l1, l2) = (WeightStatisticsMath.L1(all), WeightStatisticsMath.L2(all));
            values["all.l1"] = l1;
            values["all.l2"] = l2;
            values["all.code_sparsity"] = WeightStatisticsMath.Ratio(l1, l2);
            if (singular.Count > 0)
            {
                values["all.trace"] = trace;
                values["all.spectral"] = spectral;
                values["all.computational_sparsity"] = WeightStatisticsMath.Ratio(trace, spectral);
                values["all.sv_mean"] = WeightStatisticsMath.Mean(singular);
                values["all.sv_variance"] = WeightStatisticsMath.Variance(singular);
            }
            if (weights.Count > 0) AddLocation(values, "all.weight", weights);
            if (biases.Count > 0) AddLocation(values, "all.bias", biases);
            return values;
        }

        static bool IsBias(string name, Tensor parameter) =>
            parameter.dim() == 1 && (name == "bias" || name.EndsWith(".bias", StringComparison.Ordinal));

        static void AddLocation(Dictionary<string, double> values, string prefix, IReadOnlyList<double> entries)
        {
            values[$"{prefix}_mean"] = WeightStatisticsMath.Mean(entries);
            values[$"{prefix}_median"] = WeightStatisticsMath.Median(entries);
            values[$"{prefix}_variance"] = WeightStatisticsMath.Variance(entries);
        }

        static Dictionary<string, double> Matrix(double[] entries, int rows, int columns, SpectralSummary summary)
        {
            var (l1, l2) = (WeightStatisticsMath.L1(entries), WeightStatisticsMath.L2(entries));
            var trace = WeightStatisticsMath.Trace(entries, rows, columns);
            return new Dictionary<string, double>
            {
                ["trace"] = trace,
                ["spectral"] = summary.SpectralNorm,
                ["code_sparsity"] = WeightStatisticsMath.Ratio(l1, l2),
                ["computational_sparsity"] = WeightStatisticsMath.Ratio(trace, summary.SpectralNorm),
                ["sv_mean"] = WeightStatisticsMath.Mean(summary.SingularValues),
                ["sv_variance"] = WeightStatisticsMath.Variance(summary.SingularValues),
            };
        }
    }
}
