using System.Numerics;
using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Datasets;

/// <summary>
/// Distinct random n-bit strings, the first <c>TrainSamples</c> for training and the next
/// <c>TestSamples</c> for testing, labelled with the parity of their first k bits. Bit j of a string
/// is bit j of its 64-bit value, so "the first k bits" are the k lowest.
/// </summary>
public sealed class SparseParityProvider : IDatasetProvider, IValidatesOptions
{
    public string Id => "sparse-parity";

    public void Validate(ComponentOptions options) => Validate(options.Bind<SparseParity>());

    static readonly string[] Encodings = ["signed", "binary", "tokens"];

    // Below this many bits every string is enumerated and shuffled; above, strings are drawn and deduplicated.
    const int EnumerateUpToBits = 20;

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<SparseParity>();
        Validate(o);
        var dataSeed = o.DataSeed ?? seed;
        var strings = DistinctStrings(o.Bits, o.TrainSamples + o.TestSamples, DerivedSeed.Of(dataSeed, "strings"));
        var relevant = o.RelevantBits == 64 ? ulong.MaxValue : (1UL << o.RelevantBits) - 1;
        var labels = strings.Select(s => (long)(BitOperations.PopCount(s & relevant) & 1)).ToArray();

        var train = strings[..o.TrainSamples];
        var test = strings[o.TrainSamples..];
        using var cleanTrainTargets = tensor(labels[..o.TrainSamples]);
        return new DatasetTensors(
            o.Encoding == "tokens"
                ? DatasetShape.Tokens(sequenceLength: o.Bits, vocabularySize: 2, classCount: 2)
                : new DatasetShape(SequenceLength: 0, VocabularySize: 0, FeatureCount: o.Bits, ClassCount: 2),
            Encode(train, o.Bits, o.Encoding),
            LabelNoise.Apply(cleanTrainTargets, 2, o.LabelNoise, DerivedSeed.Of(dataSeed, "label-noise")),
            Encode(test, o.Bits, o.Encoding),
            tensor(labels[o.TrainSamples..]));
    }

    static ulong[] DistinctStrings(int bits, int count, ulong seed)
    {
        using var generator = new Generator(seed);
        if (bits <= EnumerateUpToBits)
        {
            using var order = randperm(1L << bits, generator: generator);
            using var first = order[..count];
            return [.. first.data<long>().ToArray().Select(v => (ulong)v)];
        }

        var seen = new HashSet<ulong>();
        var result = new List<ulong>(count);
        while (result.Count < count)
        {
            var draw = count - result.Count + 16;
            using var randomBits = randint(0, 2, [draw, bits], dtype: ScalarType.Int64, generator: generator);
            var flat = randomBits.data<long>().ToArray();
            for (var row = 0; row < draw && result.Count < count; row++)
            {
                ulong value = 0;
                for (var j = 0; j < bits; j++) value |= (ulong)flat[row * bits + j] << j;
                if (seen.Add(value)) result.Add(value);
            }
        }
        return [.. result];
    }

    static Tensor Encode(ulong[] strings, int bits, string encoding)
    {
        if (encoding == "tokens")
        {
            var tokens = new long[strings.Length * bits];
            for (var i = 0; i < strings.Length; i++)
                for (var j = 0; j < bits; j++) tokens[i * bits + j] = (long)((strings[i] >> j) & 1);
            return tensor(tokens, [strings.Length, bits]);
        }

        var features = new float[strings.Length * bits];
        for (var i = 0; i < strings.Length; i++)
            for (var j = 0; j < bits; j++)
            {
                var bit = (strings[i] >> j) & 1;
                features[i * bits + j] = encoding == "signed" ? 1 - 2 * (float)bit : bit;
            }
        return tensor(features, [strings.Length, bits]);
    }

    static void Validate(SparseParity o)
    {
        if (o.Bits is < 1 or > 64) throw new ArgumentException($"Bits must lie in [1, 64], not {o.Bits}.");
        if (o.RelevantBits < 1 || o.RelevantBits > o.Bits)
            throw new ArgumentException($"RelevantBits must lie in [1, Bits = {o.Bits}], not {o.RelevantBits}.");
        if (o.TrainSamples < 1 || o.TestSamples < 1)
            throw new ArgumentException($"TrainSamples and TestSamples must be positive, not {o.TrainSamples} and {o.TestSamples}.");
        if (o.Bits < 63 && (long)o.TrainSamples + o.TestSamples > 1L << o.Bits)
            throw new ArgumentException(
                $"{o.TrainSamples} + {o.TestSamples} distinct samples do not exist among the {1L << o.Bits} strings of {o.Bits} bits.");
        if (o.LabelNoise is < 0 or >= 1 || double.IsNaN(o.LabelNoise))
            throw new ArgumentException($"LabelNoise must lie in [0, 1), not {o.LabelNoise}.");
        if (!Encodings.Contains(o.Encoding))
            throw new ArgumentException($"Unknown encoding '{o.Encoding}'; known: {string.Join(", ", Encodings)}.");
    }
}
