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
}
