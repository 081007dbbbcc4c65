using GrokDsl.Contracts;
using GrokDsl.Plugins.Datasets;
using static TorchSharp.torch;

namespace GrokDsl.PluginTests.Datasets;

/// <summary>subclass-shift: the constructions of "Grokking Explained" (arXiv:2502.01774) and its Eq. 1.</summary>
public sealed class SubclassShiftTests
{
    static DatasetTensors Create(SubclassShift options, int seed = 0) =>
        new SubclassShiftProvider().Create(ComponentOptions.From(options), seed);

    [Theory]
    [InlineData(2000, 0.2, 4, 4, 84, 416)]  // the paper's worked example: ⌈400/4.8⌉, ⌊2000/4.8⌋
    [InlineData(2000, 0.0, 4, 4, 0, 500)]   // f = 0 removes the subclass: 2000/4
    [InlineData(2000, 1.0, 4, 4, 250, 250)] // f = 1 is balanced
    [InlineData(100, 0.01, 4, 36, 1, 2)]    // ⌈1/36.04⌉ = 1, ⌊100/36.04⌋ = 2
    public void EquationOneGivesThePapersCounts(int budget, double f, int downsampled, int remaining, int expectedS, int expectedR) =>
        Assert.Equal((expectedS, expectedR), Downsampling.PerSubclass(budget, f, downsampled, remaining));

    [Fact]
    public void EquidistantCodesArePairwiseAtHammingDistanceTwo()
    {
        var codes = SubclassCodes.Equidistant(9, 4, 2).SelectMany(c => c).ToArray();
        Assert.Equal(8, codes.Length);
        foreach (var a in codes)
            foreach (var b in codes.Where(b => b != a))
                Assert.Equal(2, SubclassCodes.HammingDistance(a, b));
    }

    [Fact]
    public void EquivariantClassesAreCloseWithinAndFarAcross()
    {
        var seeds = SubclassCodes.EquivariantSeeds;
        foreach (var a in seeds)
            foreach (var b in seeds.Where(b => b != a))
                Assert.Equal(6, SubclassCodes.HammingDistance(a, b));

        var classes = SubclassCodes.Equivariant(9, 4, 10);
        Assert.All(classes, c => Assert.Equal(10, c.Distinct().Count()));
        for (var i = 0; i < 4; i++)
            for (var j = 0; j < 4; j++)
                foreach (var a in classes[i])
                    foreach (var b in classes[j])
                        if (i == j) Assert.InRange(SubclassCodes.HammingDistance(a, b), 0, 2);
                        else Assert.InRange(SubclassCodes.HammingDistance(a, b), 4, 9);
    }

    [Fact]
    public void SquaredCentroidDistanceIsTheHammingDistance()
    {
        using var directions = SubclassShiftProvider.UnitDirections(9, 13, seed: 5);
        foreach (var (a, b) in new[] { (63, 240), (1, 2), (63, 62), (0, 511) })
        {
            using var ca = SubclassShiftProvider.Centroid(a, directions);
            using var cb = SubclassShiftProvider.Centroid(b, directions);
            using var difference = ca - cb;
            Assert.Equal(SubclassCodes.HammingDistance(a, b), difference.square().sum().item<float>(), 4);
        }
    }

    [Fact]
    public void WithoutNoiseEverySampleIsItsCentroidAndTrainCountsFollowEquationOne()
    {
        using var data = Create(new SubclassShift { NoiseStd = 0, TestSamples = 800 });
        using var directions = SubclassShiftProvider.UnitDirections(9, 13, DerivedSeed.Of(0, "centroids"));

        Assert.Equal(new DatasetShape(0, 0, 117, 4), data.Shape);
        var codes = SubclassCodes.Equidistant(9, 4, 2);
        // Keys with −0 folded into 0: a zero coordinate is 0·u_i, whose sign follows u_i.
        static string Key(float[] row) => Rows.Key(row.Select(v => v == 0 ? 0f : v));
        var train = Rows.Features(data.TrainInputs).Select(Key).Zip(Rows.Labels(data.TrainTargets)).ToArray();
        var test = Rows.Features(data.TestInputs).Select(Key).Zip(Rows.Labels(data.TestTargets)).ToArray();
        Assert.Equal(2000, train.Length); // 4 · 84 + 4 · 416
        Assert.Equal(800, test.Length);
        for (var c = 0; c < 4; c++)
            for (var s = 0; s < 2; s++)
            {
                using var centroid = SubclassShiftProvider.Centroid(codes[c][s], directions);
                var key = Key(centroid.data<float>().ToArray());
                Assert.Equal(s == 1 ? 84 : 416, train.Count(r => r.First == key && r.Second == c));
                Assert.Equal(100, test.Count(r => r.First == key && r.Second == c)); // not down-sampled
            }
    }

    [Fact]
    public void NoiseHasTheRequestedStandardDeviation()
    {
        using var data = Create(new SubclassShift { NoiseStd = 0.5, Fraction = 1, TestSamples = 8000 });
        using var clean = Create(new SubclassShift { NoiseStd = 0, Fraction = 1, TestSamples = 8000 });
        // Same stream, so the test sets differ only by σ·z: the spread of the difference is σ.
        using var difference = data.TestInputs - clean.TestInputs;
        Assert.Equal(0.5, difference.std().item<float>(), 2);
    }

    [Fact]
    public void EquivariantDefaultHasFourClassesOfTenSubclasses()
    {
        using var data = Create(new SubclassShift { Variant = "equivariant", Fraction = 0, TrainSamples = 400, TestSamples = 400 });
        // f = 0: the last subclass of each class is gone; Eq. 1 gives ⌊400 / 36⌋ = 11 to each of the other 36.
        Assert.Equal(4 * 9 * 11, (int)data.TrainTargets.shape[0]);
        Assert.Equal(400, (int)data.TestTargets.shape[0]);
        Assert.All(Enumerable.Range(0, 4), c => Assert.Equal(100, Rows.Labels(data.TestTargets).Count(l => l == c)));
    }

    [Fact]
    public void TheTestSetDoesNotDependOnTheTrainingKnobsAndRunsAreDeterministic()
    {
        using var a = Create(new SubclassShift { Fraction = 0.2, TestSamples = 200 }, seed: 3);
        using var b = Create(new SubclassShift { Fraction = 0.01, TrainSamples = 500, TestSamples = 200 }, seed: 3);
        using var again = Create(new SubclassShift { Fraction = 0.2, TestSamples = 200 }, seed: 3);
        using var other = Create(new SubclassShift { Fraction = 0.2, TestSamples = 200 }, seed: 4);

        Assert.Equal(a.TestInputs.data<float>().ToArray(), b.TestInputs.data<float>().ToArray());
        Assert.Equal(a.TrainInputs.data<float>().ToArray(), again.TrainInputs.data<float>().ToArray());
        Assert.NotEqual(a.TrainInputs.data<float>().ToArray(), other.TrainInputs.data<float>().ToArray());
        var train = Rows.Features(a.TrainInputs).Select(Rows.Key).ToHashSet();
        Assert.DoesNotContain(Rows.Features(a.TestInputs).Select(Rows.Key), train.Contains);
    }

    [Theory]
    [InlineData("equidistant", 5, 2, 1, "at most BitPairs")]  // 10 subclasses > 9 codes in the clique
    [InlineData("equivariant", 5, 10, 1, "at most 4 classes")]
    [InlineData("equidistant", 4, 2, 2, "DownsampledPerClass")] // nothing left at full rate
    [InlineData("circular", 4, 2, 1, "Unknown variant")]
    public void InvalidOptionsAreRejected(string variant, int classes, int perClass, int downsampled, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(new SubclassShift
        {
            Variant = variant, Classes = classes, SubclassesPerClass = perClass, DownsampledPerClass = downsampled,
        }));
        Assert.Contains(reason, error.Message);
    }
}
