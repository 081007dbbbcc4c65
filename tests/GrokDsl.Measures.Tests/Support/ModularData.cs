using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Support;

/// <summary>
/// Every pair (a, b) of Z_p with its label, split by a seeded shuffle; optionally with a trailing "="
/// token p (Nanda et al.'s [a, b, =] encoding, vocabulary p + 1).
/// </summary>
static class ModularData
{
    public static DatasetTensors Create(int p, Func<int, int, int?> operation, double trainFraction = 0.5, int seed = 1, bool equalsToken = false)
    {
        var rows = new List<long[]>();
        var labels = new List<long>();
        for (var a = 0; a < p; a++)
            for (var b = 0; b < p; b++)
                if (operation(a, b) is { } label)
                {
                    rows.Add(equalsToken ? [a, b, p] : [a, b]);
                    labels.Add(label);
                }
        var order = Enumerable.Range(0, rows.Count).OrderBy(_ => 0).ToArray();
        new Random(seed).Shuffle(order);
        var trainCount = (int)(trainFraction * rows.Count);
        var length = equalsToken ? 3 : 2;
        Tensor Inputs(IEnumerable<int> idx) { var sel = idx.ToArray(); return tensor(sel.SelectMany(i => rows[i]).ToArray(), [sel.Length, length]); }
        Tensor Targets(IEnumerable<int> idx) => tensor(idx.Select(i => labels[i]).ToArray());
        return new DatasetTensors(
            DatasetShape.Tokens(length, equalsToken ? p + 1 : p, p),
            Inputs(order[..trainCount]), Targets(order[..trainCount]),
            Inputs(order[trainCount..]), Targets(order[trainCount..]));
    }

    public static DatasetTensors Addition(int p, bool equalsToken = false) => Create(p, (a, b) => (a + b) % p, equalsToken: equalsToken);

    /// <summary>a + b mod p with inputs [onehot(a), onehot(b)] (2p float features), the split of <see cref="Addition"/>.</summary>
    public static DatasetTensors OneHotAddition(int p)
    {
        using var tokens = Addition(p);
        Tensor OneHot(Tensor pairs)
        {
            using var a = nn.functional.one_hot(pairs.select(1, 0), p);
            using var b = nn.functional.one_hot(pairs.select(1, 1), p);
            using var both = cat([a, b], 1);
            return both.to_type(ScalarType.Float32);
        }
        return new DatasetTensors(
            new DatasetShape(SequenceLength: 0, VocabularySize: 0, FeatureCount: 2 * p, ClassCount: p),
            OneHot(tokens.TrainInputs), tokens.TrainTargets.clone(), OneHot(tokens.TestInputs), tokens.TestTargets.clone());
    }
}
