using GrokDsl.Plugins.Measures;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

public sealed class SoftmaxCollapseTests
{
    // Row 0: other terms e^-20 ≈ 2e-9, below float32's resolution at 1 (6e-8) but not float64's (1.1e-16).
    // Row 3: e^-40 ≈ 4e-18 vanishes in both; its target is not the maximum, so its loss is 40, not 0.
    static readonly double[,] Logits = { { 0, -20, -20 }, { 0, -1, -2 }, { 5, -30, 0 }, { 0, -40, -40 } };
    static readonly long[] Targets = [0, 0, 1, 1];

    [Fact]
    public void Float32_collapses_where_float64_does_not()
    {
        using var logits = tensor(Logits, ScalarType.Float64);
        using var targets = tensor(Targets);

        var f32 = SoftmaxCollapseStatistics.Compute(logits, targets, ScalarType.Float32);
        var f64 = SoftmaxCollapseStatistics.Compute(logits, targets, ScalarType.Float64);

        Assert.Equal((0.5, 0.25), f32);
        Assert.Equal((0.25, 0.0), f64);
    }

    [Fact]
    public void Model_precision_is_the_logits_dtype()
    {
        Assert.Equal(ScalarType.Float32, SoftmaxCollapseStatistics.ToScalarType(SoftmaxPrecision.Model, ScalarType.Float32));
        Assert.Equal(ScalarType.Float16, SoftmaxCollapseStatistics.ToScalarType(SoftmaxPrecision.Float16, ScalarType.Float64));
    }
}
