using GrokDsl.Contracts;
using GrokDsl.Measures.Tests.Support;
using GrokDsl.Plugins.Measures;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

/// <summary>Hu et al.'s metric set on a 3×2 weight and a bias whose statistics are worked out by hand.</summary>
public sealed class WeightStatisticsTests
{
    // W = [[1, −2], [3, 4], [0, 5]], b = [1, 2, 6].
    sealed class OneLayer : nn.Module<Tensor, Tensor>
    {
        readonly TorchSharp.Modules.Linear layer = nn.Linear(2, 3);

        public OneLayer() : base(nameof(OneLayer))
        {
            RegisterComponents();
            using var _ = no_grad();
            layer.weight!.copy_(tensor(new float[] { 1, -2, 3, 4, 0, 5 }, [3, 2]));
            layer.bias!.copy_(tensor(new float[] { 1, 2, 6 }));
        }

        public override Tensor forward(Tensor x) => layer.forward(x);
    }

    static IReadOnlyDictionary<string, double> Measure(WeightStatistics options)
    {
        using var model = new OneLayer();
        using var data = ModularData.Addition(3);
        return new WeightStatisticsProvider().Create(ComponentOptions.From(options)).Measure(new MeasureContext(0, model, data));
    }

    // WᵀW = [[10, 10], [10, 45]]: σ² = (55 ± √1625) / 2.
    static readonly double Sigma1 = Math.Sqrt((55 + Math.Sqrt(1625)) / 2);
    static readonly double Sigma2 = Math.Sqrt((55 - Math.Sqrt(1625)) / 2);

    [Fact]
    public void Matrix_statistics_match_the_hand_computation()
    {
        var values = Measure(new WeightStatistics());

        Assert.Equal(15, values["layer.weight.l1"], 5);
        Assert.Equal(Math.Sqrt(55), values["layer.weight.l2"], 5);
        Assert.Equal(1 + 4, values["layer.weight.trace"], 5);                 // main diagonal of a 3×2 matrix
        Assert.Equal(Sigma1, values["layer.weight.spectral"], 5);
        Assert.Equal(15 / Math.Sqrt(55), values["layer.weight.code_sparsity"], 5);
        Assert.Equal(5 / Sigma1, values["layer.weight.computational_sparsity"], 5);
        Assert.Equal((Sigma1 + Sigma2) / 2, values["layer.weight.sv_mean"], 5);
        Assert.Equal((Sigma1 - Sigma2) * (Sigma1 - Sigma2) / 2, values["layer.weight.sv_variance"], 5);
        Assert.Equal(11.0 / 6, values["layer.weight.weight_mean"], 5);
        Assert.Equal(2, values["layer.weight.weight_median"], 5);            // {−2, 0, 1, 3, 4, 5}: (1 + 3) / 2
        Assert.Equal((55 - 121.0 / 6) / 5, values["layer.weight.weight_variance"], 5);
    }

    [Fact]
    public void Bias_statistics_and_pooled_values_match_the_hand_computation()
    {
        var values = Measure(new WeightStatistics());

        Assert.Equal(3, values["layer.bias.bias_mean"], 5);
        Assert.Equal(2, values["layer.bias.bias_median"], 5);
        Assert.Equal(7, values["layer.bias.bias_variance"], 5);               // (4 + 1 + 9) / 2
        Assert.False(values.ContainsKey("layer.bias.trace"));
        Assert.False(values.ContainsKey("layer.bias.weight_mean"));
        Assert.Equal(24, values["all.l1"], 5);
        Assert.Equal(Math.Sqrt(96), values["all.l2"], 5);
        Assert.Equal(24 / Math.Sqrt(96), values["all.code_sparsity"], 5);
        Assert.Equal(5, values["all.trace"], 5);
        Assert.Equal(Sigma1, values["all.spectral"], 5);
        Assert.Equal(3, values["all.bias_mean"], 5);
        Assert.Equal(11.0 / 6, values["all.weight_mean"], 5);
    }

    [Fact]
    public void Per_parameter_values_can_be_left_out_and_unknown_parameters_are_named()
    {
        var values = Measure(new WeightStatistics { PerParameter = false });
        Assert.All(values.Keys, key => Assert.StartsWith("all.", key));

        var error = Assert.Throws<ArgumentException>(() => Measure(new WeightStatistics { Parameters = ["nope"] }));
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public void Trace_of_a_wide_matrix_is_its_main_diagonal()
    {
        // [[1, 2, 3], [4, 5, 6]]: 1 + 5.
        Assert.Equal(6, WeightStatisticsMath.Trace([1, 2, 3, 4, 5, 6], 2, 3));
        Assert.Equal(3, WeightStatisticsMath.Median([5, 1, 3]));
        Assert.True(double.IsNaN(WeightStatisticsMath.Variance([1])));
    }
}
