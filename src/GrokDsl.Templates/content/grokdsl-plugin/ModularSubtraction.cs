using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokPlugin;

/// <summary>Options of the dataset "modular-subtraction"; an experiment passes them as JSON with these names.</summary>
public sealed record ModularSubtractionOptions
{
    /// <summary>The modulus p; inputs are a, b in [0, p), the label is (a − b) mod p.</summary>
    public int Modulus { get; init; } = 59;

    /// <summary>Fraction of the p² pairs to train on.</summary>
    public double TrainFraction { get; init; } = 0.5;
}

/// <summary>
/// Dataset "modular-subtraction": (a − b) mod p as tokens [a, b], a seeded random split of all pairs. An experiment
/// uses it through an options record of its own with the same property names:
/// <code>
/// [Component(ComponentKind.Dataset, "modular-subtraction")]
/// public sealed record ModularSubtraction { public int Modulus { get; init; } = 59; public double TrainFraction { get; init; } = 0.5; }
/// </code>
/// </summary>
public sealed class ModularSubtractionDataset : IDatasetProvider
{
    public string Id => "modular-subtraction";

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<ModularSubtractionOptions>();
        if (o.Modulus < 2) throw new ArgumentException($"Modulus must be at least 2, not {o.Modulus}.");
        if (o.TrainFraction is <= 0 or >= 1) throw new ArgumentException($"TrainFraction must lie in (0, 1), not {o.TrainFraction}.");

        var pairs = new List<long>();
        var labels = new List<long>();
        for (var a = 0; a < o.Modulus; a++)
            for (var b = 0; b < o.Modulus; b++)
            {
                pairs.AddRange([a, b]);
                labels.Add(((a - b) % o.Modulus + o.Modulus) % o.Modulus);
            }

        // The host disposes the tensors handed to it; the temporaries made here are disposed here.
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
