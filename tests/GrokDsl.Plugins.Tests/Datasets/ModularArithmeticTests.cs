using System.Numerics;
using GrokDsl.Contracts;
using GrokDsl.Plugins.ModularArithmetic;

namespace GrokDsl.PluginTests.Datasets;

/// <summary>modular-arithmetic: every operator of Power et al. on every pair for p = 5, encodings and label noise.</summary>
public sealed class ModularArithmeticTests
{
    static DatasetTensors Create(ModularArithmetic options, int seed = 0) =>
        new ModularArithmeticProvider().Create(ComponentOptions.From(options), seed);

    /// <summary>
    /// An independent statement of each operator over the integers (BigInteger, no intermediate reduction),
    /// with division by search: a/b is the c with c·b ≡ a (mod p). Null where the pair does not exist.
    /// </summary>
    static long? Reference(string operation, int a, int b, int p)
    {
        BigInteger A = a, B = b;
        long Mod(BigInteger v) => (long)(((v % p) + p) % p);
        long? Div() => b == 0 ? null : Enumerable.Range(0, p).Single(c => (long)c * b % p == a);
        return operation switch
        {
            "a+b" => Mod(A + B),
            "a-b" => Mod(A - B),
            "a*b" => Mod(A * B),
            "a/b" => Div(),
            "a/b if b odd else a-b" => b % 2 == 1 ? Div() : Mod(A - B),
            "a^2+b^2" => Mod(A * A + B * B),
            "a^2+ab+b^2" => Mod(A * A + A * B + B * B),
            "a^2+ab+b^2+a" => Mod(A * A + A * B + B * B + A),
            "a^3+ab" => Mod(A * A * A + A * B),
            "a^3+ab^2+b" => Mod(A * A * A + A * B * B + B),
            "a^2+b" => Mod(A * A + B),
            "a^3+b" => Mod(A * A * A + B),
            "a+b if a even else a*b" => a % 2 == 0 ? Mod(A + B) : Mod(A * B),
            "a+b if a even else a-b" => a % 2 == 0 ? Mod(A + B) : Mod(A - B),
            _ => throw new ArgumentException(operation),
        };
    }

    public static TheoryData<string> Operations => [.. ModularOperations.Names];

    [Fact]
    public void EveryOperatorOfPowerEtAlIsAvailable()
    {
        string[] expected =
        [
            "a+b", "a-b", "a*b", "a/b", "a/b if b odd else a-b", "a^2+b^2", "a^2+ab+b^2", "a^2+ab+b^2+a",
            "a^3+ab", "a^3+ab^2+b", "a^2+b", "a^3+b", "a+b if a even else a*b", "a+b if a even else a-b",
        ];
        Assert.Equal(expected.Order(), ModularOperations.Names.Order());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void EveryPairForPEquals5HasTheReferenceLabelAndAppearsExactlyOnce(string operation)
    {
        using var data = Create(new ModularArithmetic { Modulus = 5, Operation = operation, TrainFraction = 0.5 });

        var rows = Rows.Tokens(data.TrainInputs).Concat(Rows.Tokens(data.TestInputs)).ToArray();
        var labels = Rows.Labels(data.TrainTargets).Concat(Rows.Labels(data.TestTargets)).ToArray();
        var expected = (from a in Enumerable.Range(0, 5)
                        from b in Enumerable.Range(0, 5)
                        let label = Reference(operation, a, b, 5)
                        where label is not null
                        select (A: (long)a, B: (long)b, Label: label!.Value)).ToList();
        Assert.Equal(expected.Count, rows.Length);
        var actual = rows.Select((r, i) => (A: r[0], B: r[1], Label: labels[i])).OrderBy(r => r.A).ThenBy(r => r.B);
        Assert.Equal(expected, actual);
    }

    [Theory]
    // Hand-computed mod 5 at (a, b) = (3, 4) and (2, 3):
    [InlineData("a+b", 3, 4, 2)]                       // 7
    [InlineData("a-b", 3, 4, 4)]                       // -1
    [InlineData("a*b", 3, 4, 2)]                       // 12
    [InlineData("a/b", 3, 4, 2)]                       // 4⁻¹ = 4 (16 ≡ 1), 3·4 = 12
    [InlineData("a/b if b odd else a-b", 2, 3, 4)]     // b odd: 3⁻¹ = 2 (6 ≡ 1), 2·2 = 4
    [InlineData("a/b if b odd else a-b", 3, 4, 4)]     // b even: 3 − 4 = −1
    [InlineData("a^2+b^2", 3, 4, 0)]                   // 9 + 16 = 25
    [InlineData("a^2+ab+b^2", 3, 4, 2)]                // 9 + 12 + 16 = 37
    [InlineData("a^2+ab+b^2+a", 3, 4, 0)]              // 37 + 3 = 40
    [InlineData("a^3+ab", 3, 4, 4)]                    // 27 + 12 = 39
    [InlineData("a^3+ab^2+b", 2, 3, 4)]                // 8 + 18 + 3 = 29
    [InlineData("a^2+b", 3, 4, 3)]                     // 9 + 4 = 13
    [InlineData("a^3+b", 3, 4, 1)]                     // 27 + 4 = 31
    [InlineData("a+b if a even else a*b", 2, 3, 0)]    // a even: 5
    [InlineData("a+b if a even else a*b", 3, 4, 2)]    // a odd: 12
    [InlineData("a+b if a even else a-b", 3, 4, 4)]    // a odd: −1
    public void HandComputedValues(string operation, int a, int b, int expected) =>
        Assert.Equal(expected, ModularOperations.Get(operation)(a, b, 5));

    [Fact]
    public void SpacesInTheOperationDoNotMatter() =>
        Assert.Equal(2, ModularOperations.Get(" a + b  if a even else a * b")(3, 4, 5));

    [Theory]
    [InlineData("a/b", 20)]                   // b = 0 has no inverse: 5 · 4 pairs
    [InlineData("a/b if b odd else a-b", 25)] // odd b is never 0, even b subtracts: every pair
    [InlineData("a*b", 25)]
    public void DivisionExcludesExactlyTheNonInvertibleDivisors(string operation, int pairs)
    {
        using var data = Create(new ModularArithmetic { Modulus = 5, Operation = operation });
        var rows = Rows.Tokens(data.TrainInputs).Concat(Rows.Tokens(data.TestInputs)).ToArray();
        Assert.Equal(pairs, rows.Length);
        if (operation == "a/b") Assert.DoesNotContain(rows, r => r[1] == 0);
    }

    [Theory]
    [InlineData("a/b", 9)]
    [InlineData("a/b if b odd else a-b", 9)] // 3 is odd and has no inverse mod 9
    [InlineData("a/b", 1)]
    public void OperatorsThatDivideRejectANonPrimeModulus(string operation, int modulus)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(new ModularArithmetic { Modulus = modulus, Operation = operation }));
        Assert.Contains(modulus < 2 ? "at least 2" : "prime", error.Message);
    }

    [Fact]
    public void NonDividingOperatorsAcceptACompositeModulus()
    {
        using var data = Create(new ModularArithmetic { Modulus = 6, Operation = "a^3+ab^2+b" });
        Assert.Equal(36, data.TrainTargets.shape[0] + data.TestTargets.shape[0]);
    }

    [Theory]
    [InlineData("a^b", "Unknown operation")]
    [InlineData("x+y", "Unknown operation")]
    public void UnknownOperatorsAreRejected(string operation, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(new ModularArithmetic { Modulus = 7, Operation = operation }));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void SplitHasTheRequestedSizeNoOverlapAndIsDeterministicForASeed()
    {
        var options = new ModularArithmetic { Modulus = 7, TrainFraction = 0.3 };
        using var first = Create(options, seed: 4);
        using var again = Create(options, seed: 4);
        using var other = Create(options, seed: 5);

        Assert.Equal(14, first.TrainTargets.shape[0]); // floor(0.3 · 49)
        Assert.Equal(35, first.TestTargets.shape[0]);
        var train = Rows.Tokens(first.TrainInputs).Select(Rows.Key).ToHashSet();
        Assert.DoesNotContain(Rows.Tokens(first.TestInputs).Select(Rows.Key), train.Contains);
        Assert.Equal(first.TrainInputs.data<long>().ToArray(), again.TrainInputs.data<long>().ToArray());
        Assert.NotEqual(first.TrainInputs.data<long>().ToArray(), other.TrainInputs.data<long>().ToArray());
    }

    [Fact]
    public void SplitSeedOverridesTheRunSeed()
    {
        var options = new ModularArithmetic { Modulus = 7, SplitSeed = 11 };
        using var a = Create(options, seed: 1);
        using var b = Create(options, seed: 2);
        Assert.Equal(a.TrainInputs.data<long>().ToArray(), b.TrainInputs.data<long>().ToArray());
    }

    [Fact]
    public void TokensEncodingIsThePairWithVocabularyP()
    {
        using var data = Create(new ModularArithmetic { Modulus = 5 });
        Assert.Equal(DatasetShape.Tokens(2, 5, 5), data.Shape);
        Assert.Equal([12L, 2], data.TrainInputs.shape);
    }

    [Fact]
    public void TokensWithEqualsAppendsTokenPAndTheSameSplit()
    {
        using var plain = Create(new ModularArithmetic { Modulus = 5 });
        using var equals = Create(new ModularArithmetic { Modulus = 5, Encoding = "tokens-with-equals" });

        Assert.Equal(DatasetShape.Tokens(3, 6, 5), equals.Shape);
        var plainRows = Rows.Tokens(plain.TrainInputs);
        var equalsRows = Rows.Tokens(equals.TrainInputs);
        Assert.All(equalsRows, r => Assert.Equal(5, r[2]));
        Assert.Equal(plainRows.Select(Rows.Key), equalsRows.Select(r => Rows.Key(r[..2])));
        Assert.Equal(Rows.Labels(plain.TrainTargets), Rows.Labels(equals.TrainTargets));
    }

    [Fact]
    public void OneHotEncodingConcatenatesTwoOneHotVectors()
    {
        using var plain = Create(new ModularArithmetic { Modulus = 5 });
        using var oneHot = Create(new ModularArithmetic { Modulus = 5, Encoding = "one-hot" });

        Assert.Equal(new DatasetShape(0, 0, 10, 5), oneHot.Shape);
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, oneHot.TrainInputs.dtype);
        var pairs = Rows.Tokens(plain.TrainInputs);
        var features = Rows.Features(oneHot.TrainInputs);
        for (var i = 0; i < pairs.Length; i++)
        {
            var expected = new float[10];
            expected[pairs[i][0]] = 1;
            expected[5 + pairs[i][1]] = 1;
            Assert.Equal(expected, features[i]);
        }
    }

    [Fact]
    public void UnknownEncodingIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Create(new ModularArithmetic { Modulus = 5, Encoding = "onehot" }));
        Assert.Contains("encoding", error.Message);
    }

    [Theory]
    [InlineData(0.1, 97 * 97 / 2, 470)]   // round(0.1 · 4704) = 470
    [InlineData(0.25, 97 * 97 / 2, 1176)] // 0.25 · 4704 exactly
    public void LabelNoiseChangesExactlyThatManyTrainingLabelsToAnotherClass(double fraction, int trainCount, int changed)
    {
        using var clean = Create(new ModularArithmetic { Modulus = 97 }, seed: 3);
        using var noisy = Create(new ModularArithmetic { Modulus = 97, LabelNoise = fraction }, seed: 3);

        Assert.Equal(trainCount, (int)noisy.TrainTargets.shape[0]);
        Assert.Equal(clean.TrainInputs.data<long>().ToArray(), noisy.TrainInputs.data<long>().ToArray());
        var before = Rows.Labels(clean.TrainTargets);
        var after = Rows.Labels(noisy.TrainTargets);
        Assert.Equal(changed, before.Zip(after).Count(p => p.First != p.Second));
        Assert.All(after, label => Assert.InRange(label, 0, 96));
        Assert.Equal(Rows.Labels(clean.TestTargets), Rows.Labels(noisy.TestTargets)); // test labels stay clean
    }

    [Fact]
    public void LabelNoiseIsDeterministicForASeedAndSpreadsOverTheOtherClasses()
    {
        var options = new ModularArithmetic { Modulus = 5, LabelNoise = 0.5, TrainFraction = 0.8 };
        using var first = Create(options, seed: 7);
        using var again = Create(options, seed: 7);
        Assert.Equal(Rows.Labels(first.TrainTargets), Rows.Labels(again.TrainTargets));

        // Over many seeds every wrong class is reached from a given true label.
        var reached = new HashSet<(long, long)>();
        for (var seed = 0; seed < 30; seed++)
        {
            using var clean = Create(options with { LabelNoise = 0 }, seed);
            using var noisy = Create(options, seed);
            foreach (var (c, n) in Rows.Labels(clean.TrainTargets).Zip(Rows.Labels(noisy.TrainTargets)))
                if (c != n) reached.Add((c, n));
        }
        Assert.Equal(20, reached.Count); // 5 true classes × 4 wrong ones
    }

    [Fact]
    public void LabelNoiseCountRoundsToTheNearestInteger()
    {
        Assert.Equal(3, LabelNoise.Count(10, 0.29));
        Assert.Equal(29, LabelNoise.Count(100, 0.29)); // 0.29 · 100 = 28.999… in binary
        Assert.Equal(0, LabelNoise.Count(10, 0.04));
    }
}
