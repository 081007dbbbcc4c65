using GrokDsl.Runtime.Optimization;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Optimization;

public sealed class LossTests
{
    [Fact]
    public void StableMaxSIsXPlusOneAboveZeroAndAReciprocalBelow()
    {
        using var s = Losses.StableMaxS(tensor(new[] { 2.0, 0.0, -1.0, -3.0 }, ScalarType.Float64));
        Assert.Equal([3.0, 1.0, 0.5, 0.25], s.data<double>().ToArray());
    }

    [Fact]
    public void StableMaxCrossEntropyIsMinusLogOfTheNormalizedS()
    {
        using var logits = tensor(new[] { 0.0f, 1.0f, -1.0f }, [1, 3]);
        using var targets = tensor(new long[] { 1 });

        using var loss = Losses.Compute(LossFunction.StableMaxCrossEntropy, logits, targets, inFloat64: false);

        // s = (1, 2, 0.5); p(target) = 2 / 3.5.
        Assert.Equal(ScalarType.Float64, loss.dtype);
        Assert.Equal(-Math.Log(2 / 3.5), loss.item<double>(), 12);
    }

    [Fact]
    public void MseComparesLogitsWithOneHotTargetsOverEveryElement()
    {
        using var logits = tensor(new[] { 0.0f, 0.0f, 1.0f, 0.0f }, [2, 2]);
        using var targets = tensor(new long[] { 0, 0 });

        using var loss = Losses.Compute(LossFunction.Mse, logits, targets, inFloat64: false);

        Assert.Equal(0.25, loss.item<float>(), 6); // errors (−1, 0, 0, 0) squared, averaged over 4
    }

    [Fact]
    public void CrossEntropyInFloat64KeepsPrecisionFloat32Loses()
    {
        using var logits = tensor(new[] { 20f, 0f }, [1, 2]); // loss e^-20: below float32 resolution at 20, above float64
        using var targets = tensor(new long[] { 0 });

        using var single = Losses.Compute(LossFunction.CrossEntropy, logits, targets, inFloat64: false);
        using var @double = Losses.Compute(LossFunction.CrossEntropy, logits, targets, inFloat64: true);

        Assert.Equal(0f, single.item<float>()); // softmax collapse: exactly zero in float32
        Assert.True(@double.item<double>() > 0, $"float64 loss {@double.item<double>()}"); // ≈ e^-20 in float64
    }
}
