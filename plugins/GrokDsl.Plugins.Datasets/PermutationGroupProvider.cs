using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Datasets;

/// <summary>
/// Every pair (x, y) of S_n as the token sequence [index(x), index(y)], labelled with the index of
/// x·y, x·y·x⁻¹ or x·y·x; a seeded random split puts <c>TrainFraction</c> of the pairs in training.
/// </summary>
public sealed class PermutationGroupProvider : IDatasetProvider, IValidatesOptions
{
    public string Id => "permutation-group";

    public void Validate(ComponentOptions options) => Validate(options.Bind<PermutationGroup>());

    static readonly string[] OperationNames = ["xy", "xyx^-1", "xyx"];

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<PermutationGroup>();
        Validate(o);
        var group = new Permutations(o.Degree);
        var inverses = Enumerable.Range(0, group.Count).Select(i => Permutations.Inverse(group[i])).ToArray();
        Func<int, int, int[]> operation = o.Operation switch
        {
            "xy" => (x, y) => Permutations.Product(group[x], group[y]),
            "xyx^-1" => (x, y) => Permutations.Product(Permutations.Product(group[x], group[y]), inverses[x]),
            _ => (x, y) => Permutations.Product(Permutations.Product(group[x], group[y]), group[x]),
        };

        var count = group.Count * group.Count;
        var pairs = new long[2 * count];
        var labels = new long[count];
        for (var x = 0; x < group.Count; x++)
            for (var y = 0; y < group.Count; y++)
            {
                var row = x * group.Count + y;
                (pairs[2 * row], pairs[2 * row + 1]) = (x, y);
                labels[row] = group.IndexOf(operation(x, y));
            }

        var trainCount = (int)(o.TrainFraction * count);
        using var generator = new Generator((ulong)(o.SplitSeed ?? seed));
        using var order = randperm(count, generator: generator);
        using var all = tensor(pairs, [count, 2]);
        using var targets = tensor(labels);
        using var trainIndex = order[..trainCount];
        using var testIndex = order[trainCount..];

        return new DatasetTensors(
            DatasetShape.Tokens(sequenceLength: 2, vocabularySize: group.Count, classCount: group.Count),
            all.index_select(0, trainIndex), targets.index_select(0, trainIndex),
            all.index_select(0, testIndex), targets.index_select(0, testIndex));
    }

    static void Validate(PermutationGroup o)
    {
        if (o.Degree is < 2 or > 6) throw new ArgumentException($"Degree must lie in [2, 6] (S_6 already has 518,400 pairs), not {o.Degree}.");
        if (!OperationNames.Contains(o.Operation))
            throw new ArgumentException($"Unknown operation '{o.Operation}'; known: {string.Join(", ", OperationNames)}.");
        if (o.TrainFraction is <= 0 or >= 1) throw new ArgumentException($"TrainFraction must lie in (0, 1), not {o.TrainFraction}.");
        var count = Factorial(o.Degree) * Factorial(o.Degree);
        if ((int)(o.TrainFraction * count) is 0 || (int)(o.TrainFraction * count) == count)
            throw new ArgumentException($"TrainFraction {o.TrainFraction} of {count} pairs leaves the train or test set empty.");
    }

    static int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
