using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.SamplePlugin;

/// <summary>Options of "sample-modular-product"; experiments pass them as JSON with these names.</summary>
public sealed record ModularProductOptions
{
    /// <summary>A prime p; inputs are a, b in [1, p), the label is a·b mod p.</summary>
    public int Modulus { get; init; } = 59;

    /// <summary>Fraction of the (p-1)² pairs to train on.</summary>
    public double TrainFraction { get; init; } = 0.4;
}

/// <summary>
/// Dataset "sample-modular-product": a·b mod p over the multiplicative group, as tokens [a, b]. A
/// seeded random split sends <see cref="ModularProductOptions.TrainFraction"/> of the pairs to training.
/// </summary>
public sealed class ModularProductDataset : IDatasetProvider
{
    public string Id => "sample-modular-product";

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<ModularProductOptions>();
        if (o.Modulus < 3) throw new ArgumentException($"Modulus must be a prime of at least 3, not {o.Modulus}.");
        if (o.TrainFraction is <= 0 or >= 1) throw new ArgumentException($"TrainFraction must lie in (0, 1), not {o.TrainFraction}.");

        var pairs = new List<long>();
        var labels = new List<long>();
        for (var a = 1; a < o.Modulus; a++)
            for (var b = 1; b < o.Modulus; b++)
            {
                pairs.AddRange([a, b]);
                labels.Add(a * b % o.Modulus);
            }

        // Tensors made here are handed to the host, which disposes them; temporaries are disposed here.
        using var inputs = tensor(pairs.ToArray()).reshape(labels.Count, 2);
        using var targets = tensor(labels.ToArray());
        using var generator = new Generator((ulong)seed);
        using var order = randperm(labels.Count, generator: generator);
        var trainCount = (int)(o.TrainFraction * labels.Count);
        using var train = order[..trainCount];
        using var test = order[trainCount..];
        return new DatasetTensors(
            DatasetShape.Tokens(sequenceLength: 2, vocabularySize: o.Modulus, classCount: o.Modulus),
            inputs.index_select(0, train), targets.index_select(0, train),
            inputs.index_select(0, test), targets.index_select(0, test));
    }
}
