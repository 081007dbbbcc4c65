using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Datasets;

/// <summary>
/// Gaussian classes built from subclasses ("Grokking Explained", arXiv:2502.01774). Pair i contributes
/// block i of the features: μ_i⁰ = 0 and μ_i¹ = u_i, a random unit vector (so ‖μ_i⁰ − μ_i¹‖ = 1; the
/// paper leaves the locations free, and a common offset would only translate every class), plus
/// N(0, σ²·I) noise. The training set follows Eq. 1; the test set spreads <c>TestSamples</c> evenly
/// over all subclasses. Train and test draw from separate streams, so the test set does not change
/// with f or γ_D.
/// </summary>
public sealed class SubclassShiftProvider : IDatasetProvider, IValidatesOptions
{
    public string Id => "subclass-shift";

    public void Validate(ComponentOptions options)
    {
        var o = options.Bind<SubclassShift>();
        Validate(o, Codes(o));
    }

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<SubclassShift>();
        var codes = Codes(o);
        Validate(o, codes);
        var classes = codes.Length;
        var perClass = codes[0].Length;

        var (downsampled, remaining) = Downsampling.PerSubclass(
            o.TrainSamples, o.Fraction, classes * o.DownsampledPerClass, classes * (perClass - o.DownsampledPerClass));
        var trainCounts = codes.Select(_ => Enumerable.Range(0, perClass)
            .Select(s => s >= perClass - o.DownsampledPerClass ? downsampled : remaining).ToArray()).ToArray();
        var testCounts = EvenSplit(o.TestSamples, classes, perClass);
        if (trainCounts.Sum(c => c.Sum()) == 0) throw new ArgumentException("Eq. 1 leaves the training set empty; raise TrainSamples.");

        using var directions = UnitDirections(o.BitPairs, o.PairDimension, DerivedSeed.Of(o.GeometrySeed, "centroids"));
        var dataSeed = o.DataSeed ?? seed;
        var (trainInputs, trainTargets) = Sample(codes, trainCounts, directions, o, DerivedSeed.Of(dataSeed, "train"), shuffle: true);
        var (testInputs, testTargets) = Sample(codes, testCounts, directions, o, DerivedSeed.Of(dataSeed, "test"), shuffle: false);
        return new DatasetTensors(
            new DatasetShape(SequenceLength: 0, VocabularySize: 0, FeatureCount: o.BitPairs * o.PairDimension, ClassCount: classes),
            trainInputs, trainTargets, testInputs, testTargets);
    }

    /// <summary>Codes[c][s], the base class of subclass s of class c, after validating the variant.</summary>
    public static int[][] Codes(SubclassShift o)
    {
        if (o.BitPairs is < 2 or > 16) throw new ArgumentException($"BitPairs must lie in [2, 16], not {o.BitPairs}.");
        if (o.Classes < 2) throw new ArgumentException($"Classes must be at least 2, not {o.Classes}.");
        if (o.SubclassesPerClass is < 1) throw new ArgumentException($"SubclassesPerClass must be positive, not {o.SubclassesPerClass}.");
        return o.Variant switch
        {
            "equidistant" => SubclassCodes.Equidistant(o.BitPairs, o.Classes, o.SubclassesPerClass ?? 2),
            "equivariant" => SubclassCodes.Equivariant(o.BitPairs, o.Classes, o.SubclassesPerClass ?? 10),
            _ => throw new ArgumentException($"Unknown variant '{o.Variant}'; known: equidistant, equivariant."),
        };
    }

    /// <summary>The centroid of a code: block i is u_i when bit i is set, 0 otherwise.</summary>
    public static Tensor Centroid(int code, Tensor directions)
    {
        var bitPairs = (int)directions.shape[0];
        using var bits = tensor(Enumerable.Range(0, bitPairs).Select(i => (float)((code >> i) & 1)).ToArray());
        using var column = bits.unsqueeze(1);
        using var blocks = directions.mul(column);
        return blocks.flatten();
    }

    /// <summary>p random unit vectors in R^r ([p, r]): the offsets μ_i¹ − μ_i⁰.</summary>
    public static Tensor UnitDirections(int bitPairs, int pairDimension, ulong seed)
    {
        using var generator = new Generator(seed);
        using var raw = randn([bitPairs, pairDimension], generator: generator);
        using var squares = raw.square();
        using var sums = squares.sum(1, keepdim: true);
        using var norms = sums.sqrt();
        return raw.div(norms);
    }

    static (Tensor Inputs, Tensor Targets) Sample(int[][] codes, int[][] counts, Tensor directions, SubclassShift o, ulong seed, bool shuffle)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(seed);
        var features = o.BitPairs * o.PairDimension;
        var inputs = new List<Tensor>();
        var targets = new List<long>();
        for (var c = 0; c < codes.Length; c++)
            for (var s = 0; s < codes[c].Length; s++)
            {
                var n = counts[c][s];
                if (n == 0) continue;
                var centroid = Centroid(codes[c][s], directions);
                var noise = randn([n, features], generator: generator).mul_(o.NoiseStd);
                inputs.Add(noise.add_(centroid));
                targets.AddRange(Enumerable.Repeat((long)c, n));
            }

        var x = cat(inputs, 0);
        var y = tensor(targets.ToArray());
        if (shuffle)
        {
            var order = randperm(targets.Count, generator: generator);
            (x, y) = (x.index_select(0, order), y.index_select(0, order));
        }
        return (x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }

    // total / subclasses each, the remainder going one apiece to the first subclasses.
    static int[][] EvenSplit(int total, int classes, int perClass)
    {
        var subclasses = classes * perClass;
        return [.. Enumerable.Range(0, classes).Select(c => Enumerable.Range(0, perClass)
            .Select(s => total / subclasses + (c * perClass + s < total % subclasses ? 1 : 0)).ToArray())];
    }

    static void Validate(SubclassShift o, int[][] codes)
    {
        var perClass = codes[0].Length;
        if (o.DownsampledPerClass < 0 || o.DownsampledPerClass >= perClass)
            throw new ArgumentException(
                $"DownsampledPerClass must lie in [0, SubclassesPerClass − 1 = {perClass - 1}] so that Eq. 1 has subclasses left at full rate, not {o.DownsampledPerClass}.");
        if (o.Fraction is < 0 or > 1 || double.IsNaN(o.Fraction)) throw new ArgumentException($"Fraction must lie in [0, 1], not {o.Fraction}.");
        if (o.TrainSamples < 1 || o.TestSamples < 1) throw new ArgumentException("TrainSamples and TestSamples must be positive.");
        if (o.PairDimension < 1) throw new ArgumentException($"PairDimension must be positive, not {o.PairDimension}.");
        if (o.NoiseStd < 0 || !double.IsFinite(o.NoiseStd)) throw new ArgumentException($"NoiseStd must be a finite number ≥ 0, not {o.NoiseStd}.");
    }
}
