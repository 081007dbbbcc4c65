using GrokDsl.Runtime.Optimization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Optimization;

public sealed class GradientTransformTests
{
    static Parameter WithGradient(Parameter p, params double[] gradient)
    {
        p.grad = tensor(gradient, ScalarType.Float64);
        return p;
    }

    static double[] Gradient(Parameter p) => p.grad!.data<double>().ToArray();

    [Fact]
    public void GrokfastEmaStartsFromTheFirstGradientAndAddsLambdaTimesTheAverage()
    {
        using var p = new Parameter(zeros(2, dtype: ScalarType.Float64));
        using var filter = new GrokfastEmaFilter(alpha: 0.5, lambda: 2);

        filter.Apply([WithGradient(p, 1, 2)]);
        Assert.Equal([3.0, 6.0], Gradient(p)); // μ = g₁; g₁ + 2·g₁

        filter.Apply([WithGradient(p, 3, 0)]);
        Assert.Equal([7.0, 2.0], Gradient(p)); // μ = 0.5·(1,2) + 0.5·(3,0) = (2,1); (3,0) + 2·(2,1)
    }

    [Fact]
    public void GrokfastMaWaitsForAFullWindowThenAddsLambdaTimesTheMean()
    {
        using var p = new Parameter(zeros(1, dtype: ScalarType.Float64));
        using var filter = new GrokfastMaFilter(window: 2, lambda: 4, warmup: true);

        filter.Apply([WithGradient(p, 1)]);
        Assert.Equal([1.0], Gradient(p)); // window not full yet

        filter.Apply([WithGradient(p, 3)]);
        Assert.Equal([3.0 + 4 * 2.0], Gradient(p)); // mean(1, 3) = 2

        filter.Apply([WithGradient(p, 5)]);
        Assert.Equal([5.0 + 4 * 4.0], Gradient(p)); // mean(3, 5) = 4: the oldest left the window
    }

    [Fact]
    public void GrokfastStateRoundTripsThroughACheckpoint()
    {
        using var p = new Parameter(zeros(2, dtype: ScalarType.Float64));
        using var original = new GrokfastEmaFilter(alpha: 0.9, lambda: 1);
        original.Apply([WithGradient(p, 1, 1)]);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) original.Save(writer);

        using var restored = new GrokfastEmaFilter(alpha: 0.9, lambda: 1);
        buffer.Position = 0;
        using (var reader = new BinaryReader(buffer)) restored.Load(reader, [p]);
        original.Apply([WithGradient(p, 2, 0)]);
        var expected = Gradient(p);
        restored.Apply([WithGradient(p, 2, 0)]);

        Assert.Equal(expected, Gradient(p));
    }

    [Fact]
    public void PerpendicularGradientRemovesTheComponentAlongTheWeightsAndKeepsTheNorm()
    {
        using var p = new Parameter(tensor(new[] { 1.0, 0.0 }, ScalarType.Float64));
        using var transform = new PerpendicularGradient();

        transform.Apply([WithGradient(p, 1, 1)]);

        var g = Gradient(p);
        Assert.Equal(0.0, g[0], 12);          // (1,1) − ((w·g)/(w·w))·w = (0,1)
        Assert.Equal(Math.Sqrt(2), g[1], 12); // rescaled to ‖(1,1)‖ = √2
    }

    [Fact]
    public void GrokfastMaWithoutWarmupFiltersFromTheFirstStep()
    {
        using var p = new Parameter(zeros(1, dtype: ScalarType.Float64));
        using var filter = new GrokfastMaFilter(window: 3, lambda: 5, warmup: false);

        filter.Apply([WithGradient(p, 2)]);
        Assert.Equal([2.0 + 5 * 2.0], Gradient(p)); // mean of the one gradient so far

        filter.Apply([WithGradient(p, 4)]);
        Assert.Equal([4.0 + 5 * 3.0], Gradient(p)); // mean(2, 4)
    }

    [Fact]
    public void GrokfastEmaKeepsOneAveragePerParameter()
    {
        using var a = new Parameter(zeros(1, dtype: ScalarType.Float64));
        using var b = new Parameter(zeros(1, dtype: ScalarType.Float64));
        using var filter = new GrokfastEmaFilter(alpha: 0.98, lambda: 2);

        filter.Apply([WithGradient(a, 1), WithGradient(b, -10)]);
        filter.Apply([WithGradient(a, 0), WithGradient(b, 0)]);

        Assert.Equal(2 * 0.98, Gradient(a)[0], 12);   // μ_a = 0.98·1 + 0.02·0
        Assert.Equal(-20 * 0.98, Gradient(b)[0], 12); // μ_b = 0.98·(−10)
    }

    [Fact]
    public void PerpendicularGradientProjectsEachTensorOnItsOwnWeights()
    {
        // w = (3, 4), g = (2, 1): w·g = 10, w·w = 25, g⊥ = (2, 1) − 0.4·(3, 4) = (0.8, −0.6), ‖g⊥‖ = 1,
        // rescaled to ‖g‖ = √5. A second tensor with g ∥ w keeps nothing but the 1e-30 guard.
        using var first = new Parameter(tensor(new[] { 3.0, 4.0 }, ScalarType.Float64));
        using var second = new Parameter(tensor(new[] { 1.0, 1.0 }, ScalarType.Float64));
        using var transform = new PerpendicularGradient();

        transform.Apply([WithGradient(first, 2, 1), WithGradient(second, 2, 2)]);

        var g = Gradient(first);
        Assert.Equal(0.8 * Math.Sqrt(5), g[0], 12);
        Assert.Equal(-0.6 * Math.Sqrt(5), g[1], 12);
        Assert.All(Gradient(second), v => Assert.Equal(0.0, v, 12));
        Assert.Equal(0.0, g[0] * 3 + g[1] * 4, 12); // orthogonal to its weights
    }
}
