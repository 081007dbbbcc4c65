using GrokDsl.Contracts;
using GrokDsl.Measures.Tests.Support;
using GrokDsl.Plugins.Measures;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

public sealed class WeightNormTests
{
    sealed class TwoLayers : nn.Module<Tensor, Tensor>
    {
        readonly TorchSharp.Modules.Linear first = nn.Linear(2, 2);
        readonly TorchSharp.Modules.Linear second = nn.Linear(2, 3, hasBias: false);

        public TwoLayers() : base(nameof(TwoLayers))
        {
            RegisterComponents();
            using var _ = no_grad();
            first.weight!.copy_(tensor(new float[] { 1, 2, 3, 4 }, [2, 2]));  // Σ² = 30
            first.bias!.copy_(tensor(new float[] { 0, 5 }));                   // Σ² = 25
            second.weight!.copy_(tensor(new float[] { 1, 0, 0, 1, 2, 2 }, [3, 2])); // Σ² = 10
        }

        public override Tensor forward(Tensor x) => second.forward(first.forward(x));
    }

    static IReadOnlyDictionary<string, double> Measure(WeightNorm options)
    {
        using var model = new TwoLayers();
        using var data = ModularData.Addition(3);
        return new WeightNormProvider().Create(ComponentOptions.From(options)).Measure(new MeasureContext(0, model, data));
    }

    [Fact]
    public void Reports_total_sum_of_squares_last_layer_and_per_parameter_norms()
    {
        var values = Measure(new WeightNorm());

        Assert.Equal(Math.Sqrt(65), values["total"], 9);
        Assert.Equal(65, values["sum_sq"], 9);
        Assert.Equal(Math.Sqrt(10), values["last_layer"], 9);
        Assert.Equal(Math.Sqrt(30), values["norm.first.weight"], 9);
        Assert.Equal(25, values["sum_sq.first.bias"], 9);
        Assert.Equal(10, values["sum_sq.second.weight"], 9);
    }

    [Fact]
    public void Default_options_keep_the_total_key_and_options_select_the_last_layer()
    {
        var values = Measure(new WeightNorm { PerParameter = false, LastLayerParameter = "first.weight" });

        Assert.Equal(["last_layer", "sum_sq", "total"], values.Keys.Order());
        Assert.Equal(Math.Sqrt(30), values["last_layer"], 9);
        Assert.True(new WeightNormProvider().Create(ComponentOptions.Empty) is not null);
    }
}
