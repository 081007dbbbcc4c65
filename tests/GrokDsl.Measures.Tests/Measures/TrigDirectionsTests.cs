using GrokDsl.Measures.Tests.Support;
using GrokDsl.Plugins.Measures;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

public sealed class TrigDirectionsTests
{
    const int P = 17;
    static readonly int[] Keys = [3, 5];

    // logit(a, b, c) = 3 cos(w_3(a+b−c)) + 2 cos(w_5(a+b−c)) + bias_c, plus optionally extra·cos(w_7(a + 2b − c)), which lies outside every cos/sin(w_k(a+b)) direction.
    static (Tensor Logits, long[] Labels) Case(double extra = 0)
    {
        var values = new double[P * P * P];
        var labels = new long[P * P];
        for (var a = 0; a < P; a++)
            for (var b = 0; b < P; b++)
            {
                labels[a * P + b] = (a + b) % P;
                for (var c = 0; c < P; c++)
                    values[(a * P + b) * P + c] = 3 * Trig.Cos(3, a + b - c, P) + 2 * Trig.Cos(5, a + b - c, P)
                        + extra * Trig.Cos(7, a + 2 * b - c, P) + 0.1 * c;
            }
        return (tensor(values, [P * P, P], ScalarType.Float64), labels);
    }

    static long[] AllRows => [.. Enumerable.Range(0, P * P).Select(i => (long)i)];

    [Fact]
    public void Restricted_loss_of_logits_built_from_key_frequencies_equals_the_full_loss()
    {
        var (logits, labels) = Case();
        using var _ = logits;
        using var restricted = TrigDirections.Restrict(logits, P, Keys, sign: 1);

        Assert.True(restricted.allclose(logits, rtol: 0, atol: 1e-9));
        Assert.Equal(TrigDirections.CrossEntropy(logits, labels, AllRows), TrigDirections.CrossEntropy(restricted, labels, AllRows), 9);
    }

    [Fact]
    public void Restricted_loss_differs_when_the_logits_use_another_frequency()
    {
        var (logits, labels) = Case(extra: 5);
        using var _ = logits;
        using var restricted = TrigDirections.Restrict(logits, P, Keys, sign: 1);

        var (full, kept) = (TrigDirections.CrossEntropy(logits, labels, AllRows), TrigDirections.CrossEntropy(restricted, labels, AllRows));
        Assert.True(Math.Abs(full - kept) > 0.1, $"full {full}, restricted {kept}");
    }

    [Fact]
    public void Excluded_logits_keep_only_the_class_bias_and_the_loss_matches_hand_computation()
    {
        var (logits, labels) = Case();
        using var _ = logits;
        using var excluded = TrigDirections.Exclude(logits, P, Keys, sign: 1);
        using var bias = arange(P, ScalarType.Float64).mul(0.1).unsqueeze(0).expand(P * P, P);

        Assert.True(excluded.allclose(bias, rtol: 0, atol: 1e-9));
        // Removing k = 3 only leaves 2 cos(w_5(a+b−c)) + 0.1c: average the closed form over the targets.
        using var without3 = TrigDirections.Exclude(logits, P, [3], sign: 1);
        var expected = Enumerable.Range(0, P).Average(t =>
            Trig.CircularLoss(P, offset => 2 * Trig.Cos(5, offset, P) + 0.1 * (((t - offset) % P + P) % P)));
        Assert.Equal(expected, TrigDirections.CrossEntropy(without3, labels, AllRows), 9);
    }

    [Fact]
    public void Directions_equal_Nanda_angle_sum_construction()
    {
        var basis = FourierBasis.Create(P);
        var (directions, owners) = TrigDirections.Create(P, [4], sign: 1);
        using var _ = directions;
        var d = directions.data<double>().ToArray();
        Assert.Equal([4, 4], owners);
        for (var a = 0; a < P; a++)
            for (var b = 0; b < P; b++)
            {
                var (ca, sa, cb, sb) = (basis[7, a], basis[8, a], basis[7, b], basis[8, b]);
                Assert.Equal((ca * cb - sa * sb) / Math.Sqrt(2), d[a * P + b], 12);
                Assert.Equal((sa * cb + ca * sb) / Math.Sqrt(2), d[P * P + a * P + b], 12);
            }
    }
}
