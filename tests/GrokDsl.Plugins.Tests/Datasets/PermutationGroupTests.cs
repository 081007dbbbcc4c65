using GrokDsl.Contracts;
using GrokDsl.Plugins.Datasets;

namespace GrokDsl.PluginTests.Datasets;

/// <summary>permutation-group: S_n products in Power et al.'s left-to-right convention, (x·y)(i) = y(x(i)).</summary>
public sealed class PermutationGroupTests
{
    static DatasetTensors Create(PermutationGroup options, int seed = 0) =>
        new PermutationGroupProvider().Create(ComponentOptions.From(options), seed);

    static (long X, long Y, long Label)[] AllRows(DatasetTensors data) =>
        [.. Rows.Tokens(data.TrainInputs).Concat(Rows.Tokens(data.TestInputs))
            .Zip(Rows.Labels(data.TrainTargets).Concat(Rows.Labels(data.TestTargets)))
            .Select(p => (p.First[0], p.First[1], p.Second))];

    [Fact]
    public void ElementsOfS3AreNumberedInLexicographicOrder()
    {
        var s3 = new Permutations(3);
        int[][] expected = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        Assert.Equal(expected, Enumerable.Range(0, 6).Select(i => s3[i].ToArray()));
        Assert.Equal(120, new Permutations(5).Count);
    }

    [Theory]
    // x = [1,2,0] (index 3), x⁻¹ = [2,0,1], y = [0,2,1] (index 1):
    [InlineData("xy", 5)]     // (x·y)(i) = y(x(i)) = [y1, y2, y0] = [2,1,0], index 5
    [InlineData("xyx^-1", 2)] // x⁻¹ applied after x·y: [x⁻¹(2), x⁻¹(1), x⁻¹(0)] = [1,0,2], index 2
    [InlineData("xyx", 1)]    // x applied after x·y: [x(2), x(1), x(0)] = [0,2,1], index 1
    public void HandComputedProductsInS3(string operation, long expected)
    {
        using var data = Create(new PermutationGroup { Degree = 3, Operation = operation });
        Assert.Equal(expected, AllRows(data).Single(r => r is { X: 3, Y: 1 }).Label);
    }

    [Theory]
    [InlineData("xy")]
    [InlineData("xyx^-1")]
    [InlineData("xyx")]
    public void EveryPairOfS4HasTheLabelOfComposedFunctions(string operation)
    {
        var s4 = new Permutations(4);
        Func<int, int> F(int index) => i => s4[index][i];
        Func<int, int> Inverse(int index) => i => Enumerable.Range(0, 4).Single(j => s4[index][j] == i);
        // Left to right: first g, then h.
        Func<int, int> Then(Func<int, int> g, Func<int, int> h) => i => h(g(i));
        using var data = Create(new PermutationGroup { Degree = 4, Operation = operation });

        var rows = AllRows(data);
        Assert.Equal(576, rows.Length);
        Assert.Equal(576, rows.Select(r => (r.X, r.Y)).Distinct().Count());
        foreach (var (x, y, label) in rows)
        {
            var product = operation switch
            {
                "xy" => Then(F((int)x), F((int)y)),
                "xyx^-1" => Then(Then(F((int)x), F((int)y)), Inverse((int)x)),
                _ => Then(Then(F((int)x), F((int)y)), F((int)x)),
            };
            Assert.Equal(Enumerable.Range(0, 4).Select(product), s4[(int)label]);
        }
    }

    [Fact]
    public void TheProductTableIsALatinSquareWithTheIdentityAsIndexZero()
    {
        using var data = Create(new PermutationGroup { Degree = 4 });
        var rows = AllRows(data);
        foreach (var group in rows.GroupBy(r => r.X)) Assert.Equal(24, group.Select(r => r.Label).Distinct().Count());
        foreach (var group in rows.GroupBy(r => r.Y)) Assert.Equal(24, group.Select(r => r.Label).Distinct().Count());
        Assert.All(rows.Where(r => r.X == 0), r => Assert.Equal(r.Y, r.Label));
    }

    [Fact]
    public void S5HasVocabulary120AndTheRequestedDeterministicSplit()
    {
        var options = new PermutationGroup { TrainFraction = 0.3 };
        using var first = Create(options, seed: 1);
        using var again = Create(options, seed: 1);
        using var other = Create(options, seed: 2);

        Assert.Equal(DatasetShape.Tokens(2, 120, 120), first.Shape);
        Assert.Equal(4320, first.TrainTargets.shape[0]); // floor(0.3 · 14400)
        Assert.Equal(10080, first.TestTargets.shape[0]);
        var train = Rows.Tokens(first.TrainInputs).Select(Rows.Key).ToHashSet();
        Assert.DoesNotContain(Rows.Tokens(first.TestInputs).Select(Rows.Key), train.Contains);
        Assert.Equal(first.TrainInputs.data<long>().ToArray(), again.TrainInputs.data<long>().ToArray());
        Assert.NotEqual(first.TrainInputs.data<long>().ToArray(), other.TrainInputs.data<long>().ToArray());
    }

    [Theory]
    [InlineData(7, "xy", "Degree")]
    [InlineData(1, "xy", "Degree")]
    [InlineData(4, "yx", "Unknown operation")]
    public void InvalidOptionsAreRejected(int degree, string operation, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(new PermutationGroup { Degree = degree, Operation = operation }));
        Assert.Contains(reason, error.Message);
    }
}
