using GrokDsl.Contracts;

namespace GrokDsl.Runtime.Tests.Datasets;

/// <summary>The modular-arithmetic plugin, used through the host exactly as a run uses it.</summary>
public sealed class ModularArithmeticTests
{
    static DatasetTensors Create(ModularArithmetic options, int seed = 0)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return host.Dataset("modular-arithmetic").Create(ComponentOptions.From(options), seed);
    }

    static IEnumerable<(long A, long B, long Label)> Rows(TorchSharp.torch.Tensor inputs, TorchSharp.torch.Tensor targets)
    {
        var x = inputs.data<long>().ToArray();
        var y = targets.data<long>().ToArray();
        for (var i = 0; i < y.Length; i++) yield return (x[2 * i], x[2 * i + 1], y[i]);
    }

    [Fact]
    public void EveryPairAppearsOnceWithItsLabelAndTheSplitHasTheRequestedSize()
    {
        using var data = Create(new ModularArithmetic { Modulus = 5, Operation = "a+b", TrainFraction = 0.4 });

        var train = Rows(data.TrainInputs, data.TrainTargets).ToList();
        var test = Rows(data.TestInputs, data.TestTargets).ToList();
        Assert.Equal(10, train.Count); // floor(0.4 · 25)
        Assert.Equal(15, test.Count);
        var all = train.Concat(test).ToList();
        Assert.Equal(25, all.Select(r => (r.A, r.B)).Distinct().Count());
        Assert.All(all, r => Assert.Equal((r.A + r.B) % 5, r.Label));
        Assert.Empty(train.Select(r => (r.A, r.B)).Intersect(test.Select(r => (r.A, r.B))));
    }

    [Fact]
    public void DivisionIsMultiplicationByTheInverseAndExcludesZeroDivisors()
    {
        using var data = Create(new ModularArithmetic { Modulus = 5, Operation = "a/b", TrainFraction = 0.5 });

        var all = Rows(data.TrainInputs, data.TrainTargets).Concat(Rows(data.TestInputs, data.TestTargets)).ToList();
        Assert.Equal(20, all.Count);
        Assert.DoesNotContain(all, r => r.B == 0);
        Assert.All(all, r => Assert.Equal(r.A, r.Label * r.B % 5)); // label · b = a (mod 5)
    }

    [Fact]
    public void TheSplitIsDeterministicForASeedAndDiffersAcrossSeeds()
    {
        var options = new ModularArithmetic { Modulus = 7, TrainFraction = 0.5 };
        using var first = Create(options, seed: 1);
        using var again = Create(options, seed: 1);
        using var other = Create(options, seed: 2);

        Assert.Equal(first.TrainInputs.data<long>().ToArray(), again.TrainInputs.data<long>().ToArray());
        Assert.NotEqual(first.TrainInputs.data<long>().ToArray(), other.TrainInputs.data<long>().ToArray());
    }

    [Theory]
    [InlineData(6, "a/b", "prime")]
    [InlineData(7, "a^b", "Unknown operation")]
    public void InvalidOptionsAreRejectedWithAReason(int modulus, string operation, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(new ModularArithmetic { Modulus = modulus, Operation = operation }));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void UnknownOptionKeysAreAnError()
    {
        using var host = TestPlugins.LoadBuiltIns();
        var error = Assert.Throws<ArgumentException>(() =>
            host.Dataset("modular-arithmetic").Create(new ComponentOptions("""{"Modulus":7,"Modulos":7}"""), 0));
        Assert.Contains("Modulos", error.Message);
    }
}
