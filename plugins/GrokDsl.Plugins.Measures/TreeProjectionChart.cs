namespace GrokDsl.Plugins.Measures;

/// <summary>The binary tree over a sentence's n tokens that best approximates a span-distance chart, and how random trees do.</summary>
/// <param name="Tokens">n, the sentence's length.</param>
/// <param name="Distance">The summed distance of the projected tree's spans (every node, leaves and root included).</param>
/// <param name="RandomDistance">The expected summed distance of a random binary tree, each node split uniformly at random.</param>
/// <param name="Spans">The projected tree's spans of two or more tokens, (first, last) inclusive, outermost first.</param>
public sealed record ProjectedTree(int Tokens, double Distance, double RandomDistance, IReadOnlyList<(int First, int Last)> Spans)
{
    /// <summary>The tree-structuredness: how much better than a random tree the projected one is, per token.</summary>
    public double TScore => (RandomDistance - Distance) / Tokens;
}

/// <summary>
/// Tree projection by CKY-style dynamic programming (Murty et al. 2022, §3): over all binary trees of a sentence, the one
/// whose spans have the least summed distance, best(i, j) = d(i, j) + min_k best(i, k) + best(k + 1, j), exact in
/// O(n³); Murty et al.'s code descends greedily instead, choosing each split by its two children alone. The random
/// baseline is exact too, E(i, j) = d(i, j) + mean_k E(i, k) + E(k + 1, j), where their code samples one split per node.
/// Ties go to the leftmost split.
/// </summary>
public static class TreeProjectionChart
{
    /// <param name="distance">d(i, j) for 0 ≤ i ≤ j &lt; n at [i, j]; entries below the diagonal are not read.</param>
    public static ProjectedTree Project(double[,] distance)
    {
        var n = distance.GetLength(0);
        if (n == 0 || distance.GetLength(1) != n) throw new ArgumentException("The chart must be square and not empty.", nameof(distance));
        var best = new double[n, n];
        var expected = new double[n, n];
        var split = new int[n, n];
        for (var i = 0; i < n; i++) best[i, i] = expected[i, i] = distance[i, i];
        for (var length = 2; length <= n; length++)
            for (var i = 0; i + length <= n; i++)
            {
                var j = i + length - 1;
                var (bestValue, bestSplit, sum) = (double.PositiveInfinity, i, 0.0);
                for (var k = i; k < j; k++)
                {
                    var value = best[i, k] + best[k + 1, j];
                    if (value < bestValue) (bestValue, bestSplit) = (value, k);
                    sum += expected[i, k] + expected[k + 1, j];
                }
                best[i, j] = distance[i, j] + bestValue;
                expected[i, j] = distance[i, j] + sum / (j - i);
                split[i, j] = bestSplit;
            }
        var spans = new List<(int, int)>();
        Collect(split, 0, n - 1, spans);
        return new ProjectedTree(n, best[0, n - 1], expected[0, n - 1], spans);
    }

    static void Collect(int[,] split, int i, int j, List<(int, int)> spans)
    {
        if (i == j) return;
        spans.Add((i, j));
        Collect(split, i, split[i, j], spans);
        Collect(split, split[i, j] + 1, j, spans);
    }
}
