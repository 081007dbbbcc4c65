using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.ModularArithmetic;

/// <summary>
/// Every defined pair (a, b) with a, b in [0, p), labelled with (a ∘ b) mod p; a seeded random split
/// puts <c>TrainFraction</c> of the pairs in the training set, then <c>LabelNoise</c> corrupts a
/// fraction of the training labels. The pairs are encoded as <c>Encoding</c> says.
/// </summary>
public sealed class ModularArithmeticProvider : IDatasetProvider, IValidatesOptions
{
    public string Id => "modular-arithmetic";

    public void Validate(ComponentOptions options) => Validate(options.Bind<GrokDsl.ModularArithmetic>());

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<GrokDsl.ModularArithmetic>();
        Validate(o);
        var operation = ModularOperations.Get(o.Operation);

        var pairs = new List<long>();
        var labels = new List<long>();
        for (var a = 0; a < o.Modulus; a++)
            for (var b = 0; b < o.Modulus; b++)
                if (operation(a, b, o.Modulus) is { } label)
                {
                    pairs.Add(a);
                    pairs.Add(b);
                    labels.Add(label);
                }

        // The split is drawn exactly as before encodings and noise existed, so existing runs keep their split.
        var splitSeed = o.SplitSeed ?? seed;
        var count = labels.Count;
        var trainCount = (int)(o.TrainFraction * count);
        using var generator = new Generator((ulong)splitSeed);
        using var order = randperm(count, generator: generator);
        using var all = PairEncoding.Encode(pairs.ToArray(), o.Modulus, o.Encoding, out var shape);
        using var targets = tensor(labels.ToArray());
        using var trainIndex = order[..trainCount];
        using var testIndex = order[trainCount..];
        using var cleanTrainTargets = targets.index_select(0, trainIndex);

        return new DatasetTensors(
            shape,
            all.index_select(0, trainIndex),
            LabelNoise.Apply(cleanTrainTargets, o.Modulus, o.LabelNoise, DerivedSeed.Of(splitSeed, "label-noise")),
            all.index_select(0, testIndex), targets.index_select(0, testIndex));
    }

    static void Validate(GrokDsl.ModularArithmetic o)
    {
        if (o.Modulus < 2) throw new ArgumentException($"Modulus must be at least 2, not {o.Modulus}.");
        if (o.TrainFraction is <= 0 or >= 1) throw new ArgumentException($"TrainFraction must lie in (0, 1), not {o.TrainFraction}.");
        if (o.LabelNoise is < 0 or >= 1 || double.IsNaN(o.LabelNoise))
            throw new ArgumentException($"LabelNoise must lie in [0, 1), not {o.LabelNoise}.");
        PairEncoding.Validate(o.Encoding);
        _ = ModularOperations.Get(o.Operation);
        if (ModularOperations.NeedsPrime(o.Operation) && !ModularOperations.IsPrime(o.Modulus))
            throw new ArgumentException($"Operation '{o.Operation}' needs a prime modulus; {o.Modulus} is not prime.");
    }
}
