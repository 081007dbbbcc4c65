using GrokDsl.Analysis.Dynamics;

namespace GrokDsl.Measures.Tests.Analysis.Dynamics;

public sealed class TrainingMapTests
{
    static readonly GaussianHmm ThreeStates = new(
        [1, 0, 0],
        [[0.6, 0.3, 0.1], [0.0, 0.5, 0.5], [0.0, 0.0, 1.0]],
        [[0.0], [1.0], [2.0]],
        [[1.0], [1.0], [1.0]]);

    [Fact]
    public void Occupancy_edges_and_detours_come_from_the_decoded_paths()
    {
        // Two runs go 0 → 2 directly; one takes the detour 0 → 1 → 2.
        List<int[]> paths = [[0, 0, 2, 2], [0, 2, 2, 2], [0, 1, 1, 2]];

        var map = TrainingMap.From(ThreeStates, paths);

        Assert.Equal([4 / 12.0, 2 / 12.0, 6 / 12.0], map.States.Select(s => s.Occupancy));
        Assert.Equal([3, 1, 3], map.States.Select(s => s.RunsVisiting));
        Assert.Equal([false, true, false], map.States.Select(s => s.Detour));
        // Edges taken: 0→0 (1), 0→2 (2), 2→2 (3), 0→1 (1), 1→1 (1), 1→2 (1); the model's probabilities label them.
        Assert.Equal(
            [new MapEdge(0, 0, 0.6, 1), new MapEdge(0, 1, 0.3, 1), new MapEdge(0, 2, 0.1, 2), new MapEdge(1, 1, 0.5, 1), new MapEdge(1, 2, 0.5, 1), new MapEdge(2, 2, 1.0, 3)],
            map.Edges);
        // State 0 sits at positions 0, 1/3 and 0, 0: mean 1/12.
        Assert.Equal((1 / 3.0) / 4, map.States[0].MeanPosition, 12);
    }
}
