using GrokDsl.Contracts;
using GrokDsl.Plugins.Datasets;

namespace GrokDsl.PluginTests.Datasets;

/// <summary>sparse-parity: labels are the parity of the first k bits, strings are distinct, noise is exact.</summary>
public sealed class SparseParityTests
{
    static DatasetTensors Create(SparseParity options, int seed = 0) =>
        new SparseParityProvider().Create(ComponentOptions.From(options), seed);

    [Theory]
    [InlineData(40)] // drawn and deduplicated
    [InlineData(10)] // enumerated and shuffled
    public void SignedFeaturesAreOnesAndMinusOnesLabelledByTheParityOfTheFirstKBits(int bits)
    {
        using var data = Create(new SparseParity { Bits = bits, RelevantBits = 3, TrainSamples = 300, TestSamples = 50 });

        Assert.Equal(new DatasetShape(0, 0, bits, 2), data.Shape);
        Assert.Equal([300L, bits], data.TrainInputs.shape);
        Assert.Equal([50L, bits], data.TestInputs.shape);
        foreach (var (inputs, targets) in new[] { (data.TrainInputs, data.TrainTargets), (data.TestInputs, data.TestTargets) })
        {
            var rows = Rows.Features(inputs);
            var labels = Rows.Labels(targets);
            for (var i = 0; i < rows.Length; i++)
            {
                Assert.All(rows[i], v => Assert.True(v is 1f or -1f));
                // Bit 1 is feature −1: the label is odd exactly when the product of the first three features is −1.
                var product = rows[i][0] * rows[i][1] * rows[i][2];
                Assert.Equal(product < 0 ? 1 : 0, labels[i]);
            }
        }
    }

    [Fact]
    public void TrainAndTestStringsAreDistinctAndBothClassesOccur()
    {
        using var data = Create(new SparseParity { Bits = 8, RelevantBits = 2, TrainSamples = 200, TestSamples = 56 }); // all 256 strings
        var train = Rows.Features(data.TrainInputs).Select(Rows.Key).ToList();
        var test = Rows.Features(data.TestInputs).Select(Rows.Key).ToList();
        Assert.Equal(256, train.Concat(test).Distinct().Count());
        Assert.Equal(128, Rows.Labels(data.TrainTargets).Concat(Rows.Labels(data.TestTargets)).Count(l => l == 1));
    }

    [Fact]
    public void BinaryAndTokenEncodingsCarryTheSameBits()
    {
        var options = new SparseParity { Bits = 12, RelevantBits = 4, TrainSamples = 40, TestSamples = 10 };
        using var signed = Create(options);
        using var binary = Create(options with { Encoding = "binary" });
        using var tokens = Create(options with { Encoding = "tokens" });

        Assert.Equal(DatasetShape.Tokens(12, 2, 2), tokens.Shape);
        var s = Rows.Features(signed.TrainInputs);
        var b = Rows.Features(binary.TrainInputs);
        var t = Rows.Tokens(tokens.TrainInputs);
        for (var i = 0; i < s.Length; i++)
        {
            Assert.Equal(s[i].Select(v => v < 0 ? 1f : 0f), b[i]);
            Assert.Equal(b[i].Select(v => (long)v), t[i]);
            Assert.Equal((long)b[i][..4].Sum() % 2, Rows.Labels(binary.TrainTargets)[i]);
        }
    }

    [Fact]
    public void SamplesAreDeterministicForASeedAndDataSeedOverridesTheRunSeed()
    {
        var options = new SparseParity { TrainSamples = 20, TestSamples = 5 };
        using var first = Create(options, seed: 1);
        using var again = Create(options, seed: 1);
        using var other = Create(options, seed: 2);
        using var pinnedA = Create(options with { DataSeed = 9 }, seed: 1);
        using var pinnedB = Create(options with { DataSeed = 9 }, seed: 2);

        Assert.Equal(first.TrainInputs.data<float>().ToArray(), again.TrainInputs.data<float>().ToArray());
        Assert.NotEqual(first.TrainInputs.data<float>().ToArray(), other.TrainInputs.data<float>().ToArray());
        Assert.Equal(pinnedA.TrainInputs.data<float>().ToArray(), pinnedB.TrainInputs.data<float>().ToArray());
    }

    [Fact]
    public void LabelNoiseFlipsExactlyThatManyTrainingLabels()
    {
        var options = new SparseParity { TrainSamples = 1000, TestSamples = 100 };
        using var clean = Create(options);
        using var noisy = Create(options with { LabelNoise = 0.05 });

        var flipped = Rows.Labels(clean.TrainTargets).Zip(Rows.Labels(noisy.TrainTargets)).Count(p => p.First != p.Second);
        Assert.Equal(50, flipped);
        Assert.Equal(Rows.Labels(clean.TestTargets), Rows.Labels(noisy.TestTargets));
    }

    [Theory]
    [InlineData(3, 4, 10, 1, "RelevantBits")]
    [InlineData(4, 2, 10, 7, "distinct")] // 17 samples > 2⁴ strings
    [InlineData(65, 3, 10, 1, "Bits")]
    public void InvalidOptionsAreRejected(int bits, int relevant, int train, int test, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Create(new SparseParity { Bits = bits, RelevantBits = relevant, TrainSamples = train, TestSamples = test }));
        Assert.Contains(reason, error.Message);
    }
}
