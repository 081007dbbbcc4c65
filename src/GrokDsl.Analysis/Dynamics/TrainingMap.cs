namespace GrokDsl.Analysis.Dynamics;

/// <summary>One latent state of the training map.</summary>
/// <param name="Occupancy">The fraction of all measured checkpoints (over all runs) decoded to this state.</param>
/// <param name="RunsVisiting">Runs whose Viterbi path enters the state at least once.</param>
/// <param name="MeanPosition">Where in training the state is occupied on average, 0 = first checkpoint, 1 = last.</param>
/// <param name="Detour">Visited by some runs but not all (Hu et al.'s detour).</param>
public sealed record MapState(int State, double Occupancy, int RunsVisiting, double MeanPosition, bool Detour, IReadOnlyList<double> Mean, IReadOnlyList<double> Variance);

/// <summary>An edge of the map: the model's transition probability, kept where some run's path takes it.</summary>
public sealed record MapEdge(int From, int To, double Probability, int Taken);

/// <summary>
/// The training map (Hu et al. 2023, §3): the HMM's states as nodes, sized by occupancy, and the transitions that
/// the decoded runs actually take as edges, weighted by the model's transition probability.
/// </summary>
public sealed record TrainingMap(IReadOnlyList<MapState> States, IReadOnlyList<MapEdge> Edges)
{
    public static TrainingMap From(GaussianHmm model, IReadOnlyList<int[]> paths)
    {
        var k = model.States;
        var occupancy = new double[k];
        var position = new double[k];
        var visits = new int[k];
        var taken = new int[k, k];
        var points = 0;
        foreach (var path in paths)
        {
            var visited = new bool[k];
            for (var t = 0; t < path.Length; t++)
            {
                occupancy[path[t]]++;
                position[path[t]] += path.Length > 1 ? t / (double)(path.Length - 1) : 0;
                visited[path[t]] = true;
                if (t + 1 < path.Length) taken[path[t], path[t + 1]]++;
            }
            points += path.Length;
            for (var i = 0; i < k; i++) if (visited[i]) visits[i]++;
        }
        var states = Enumerable.Range(0, k).Select(i => new MapState(
            i,
            points > 0 ? occupancy[i] / points : 0,
            visits[i],
            occupancy[i] > 0 ? position[i] / occupancy[i] : 0,
            visits[i] > 0 && visits[i] < paths.Count,
            model.Means[i], model.Variances[i])).ToList();
        var edges = new List<MapEdge>();
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
                if (taken[i, j] > 0) edges.Add(new MapEdge(i, j, model.Transition[i][j], taken[i, j]));
        return new TrainingMap(states, edges);
    }
}
