using GrokDsl.Plugins.Measures;

namespace GrokDsl.Measures.Tests.Measures;

public sealed class TreeProjectionChartTests
{
    [Fact]
    public void Three_tokens_project_onto_the_cheaper_of_their_two_trees_and_the_random_tree_averages_both()
    {
        var d = new double[3, 3];
        d[0, 1] = 0.5; // (0 1) 2 costs 0.5
        d[1, 2] = 0.1; // 0 (1 2) costs 0.1

        var tree = TreeProjectionChart.Project(d);

        Assert.Equal([(0, 2), (1, 2)], tree.Spans);
        Assert.Equal(0.1, tree.Distance, 12);
        Assert.Equal(0.3, tree.RandomDistance, 12);
        Assert.Equal((0.3 - 0.1) / 3, tree.TScore, 12);
    }

    [Fact]
    public void The_projection_is_the_best_of_all_binary_trees()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 20; trial++)
        {
            const int n = 6;
            var d = new double[n, n];
            for (var i = 0; i < n; i++)
                for (var j = i; j < n; j++) d[i, j] = random.NextDouble();

            var tree = TreeProjectionChart.Project(d);

            var all = Trees(0, n - 1).ToList();
            Assert.Equal(42, all.Count); // the Catalan number C5
            Assert.Equal(all.Min(t => Cost(d, t)), tree.Distance, 12);
            Assert.Equal(tree.Distance, Cost(d, tree.Spans.Concat(Enumerable.Range(0, n).Select(i => (i, i))).ToList()), 12);
        }
    }

    [Fact]
    public void A_chart_that_costs_nothing_along_a_tree_finds_that_tree()
    {
        // Gold tree ((0 1) (2 (3 4))): its spans cost 0, every other span 1.
        (int, int)[] gold = [(0, 4), (0, 1), (2, 4), (3, 4)];
        var d = new double[5, 5];
        for (var i = 0; i < 5; i++)
            for (var j = i + 1; j < 5; j++) d[i, j] = gold.Contains((i, j)) ? 0 : 1;

        var tree = TreeProjectionChart.Project(d);

        Assert.Equal(gold, tree.Spans);
        Assert.Equal(0, tree.Distance);
        Assert.True(tree.TScore > 0);
    }

    // Every binary tree over tokens i … j as its spans, leaves included.
    static IEnumerable<List<(int, int)>> Trees(int i, int j)
    {
        if (i == j)
        {
            yield return [(i, i)];
            yield break;
        }
        for (var k = i; k < j; k++)
            foreach (var left in Trees(i, k))
                foreach (var right in Trees(k + 1, j))
                    yield return [(i, j), .. left, .. right];
    }

    static double Cost(double[,] d, IEnumerable<(int First, int Last)> spans) => spans.Sum(s => d[s.First, s.Last]);
}
