using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// Weight norms (<see cref="GrokDsl.WeightNorm"/>): "total", the L2 norm of all parameters together, the
/// quantity weight decay shrinks while a model moves from memorizing to generalizing (Nanda et al. 2023;
/// Liu et al. 2023, "Omnigrok"); "sum_sq", its square, Nanda et al.'s <c>sum_sq_weights</c> summed;
/// "last_layer", the output weight's norm, whose cyclic growth marks Slingshots (Thilak et al. 2022);
/// and per parameter "norm.&lt;name&gt;" and "sum_sq.&lt;name&gt;" (Nanda's per-parameter list).
/// </summary>
public sealed class WeightNormProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "weight-norm";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    public IProgressMeasure Create(ComponentOptions options) => new WeightNormMeasure(options.Bind<WeightNorm>());

    sealed class WeightNormMeasure(WeightNorm options) : IProgressMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            using var scope = NewDisposeScope();
            var parameters = ModelParameters.Named(context.Model);
            var values = new Dictionary<string, double>();
            var total = 0.0;
            foreach (var (name, parameter) in parameters)
            {
                var sumOfSquares = parameter.detach().to_type(ScalarType.Float64).square().sum().item<double>();
                total += sumOfSquares;
                if (options.PerParameter)
                {
                    values[$"norm.{name}"] = Math.Sqrt(sumOfSquares);
                    values[$"sum_sq.{name}"] = sumOfSquares;
                }
            }
            values["total"] = Math.Sqrt(total);
            values["sum_sq"] = total;

            var last = options.LastLayerParameter is { } lastName
                ? ModelParameters.Find(context.Model, lastName)
                : parameters.LastOrDefault(p => p.Value.dim() == 2).Value;
            if (last is not null)
                values["last_layer"] = Math.Sqrt(last.detach().to_type(ScalarType.Float64).square().sum().item<double>());
            return values;
        }
    }
}
