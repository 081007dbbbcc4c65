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
public sealed class ModularSubtractionDataset : IDatasetProvider, IValidatesOptions
{
    public string Id => "modular-subtraction";

    // Preflight calls this for every run of a sweep before anything trains, so a bad value is refused up front.
    public void Validate(ComponentOptions options) => Validate(options.Bind<ModularSubtractionOptions>());

    static void Validate(ModularSubtractionOptions o)
    {
        if (o.Modulus < 2) throw new ArgumentException($"Modulus must be at least 2, not {o.Modulus}.");
        if (o.TrainFraction is <= 0 or >= 1) throw new ArgumentException($"TrainFraction must lie in (0, 1), not {o.TrainFraction}.");
    }

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<ModularSubtractionOptions>();
        Validate(o);

        // Every pair (a, b) once, as whole tensors; the host disposes the tensors handed to it, the temporaries are disposed here.
        using var a = arange(o.Modulus).repeat_interleave(o.Modulus);
        using var b = arange(o.Modulus).repeat(o.Modulus);
        using var inputs = stack([a, b], dim: 1);
        using var targets = (a - b).remainder(o.Modulus);
        using var generator = new Generator((ulong)seed);
        using var order = randperm(targets.shape[0], generator: generator);
        var trainCount = (long)(o.TrainFraction * targets.shape[0]);
        using var train = order[..(int)trainCount];
        using var test = order[(int)trainCount..];
        return new DatasetTensors(
            DatasetShape.Tokens(sequenceLength: 2, vocabularySize: o.Modulus, classCount: o.Modulus),
            inputs.index_select(0, train), targets.index_select(0, train),
            inputs.index_select(0, test), targets.index_select(0, test));
    }
}
