using GrokDsl.Analysis.Dynamics;

namespace GrokDsl.Measures.Tests.Analysis.Dynamics;

public sealed class GaussianHmmTests
{
    // Two states in one dimension: N(0, 1) and N(3, 1).
    static readonly GaussianHmm TwoStates = new(
        Start: [0.6, 0.4],
        Transition: [[0.7, 0.3], [0.2, 0.8]],
        Means: [[0.0], [3.0]],
        Variances: [[1.0], [1.0]]);

    static double Density(double x, double mean) => Math.Exp(-0.5 * (x - mean) * (x - mean)) / Math.Sqrt(2 * Math.PI);

    [Fact]
    public void Forward_likelihood_equals_the_sum_over_all_state_paths()
    {
        double[][] sequence = [[0.5], [2.0], [2.8]];
        var brute = 0.0;
        for (var a = 0; a < 2; a++)
            for (var b = 0; b < 2; b++)
                for (var c = 0; c < 2; c++)
                    brute += TwoStates.Start[a] * Density(0.5, TwoStates.Means[a][0])
                        * TwoStates.Transition[a][b] * Density(2.0, TwoStates.Means[b][0])
                        * TwoStates.Transition[b][c] * Density(2.8, TwoStates.Means[c][0]);

        Assert.Equal(Math.Log(brute), TwoStates.LogLikelihood(sequence), 12);
    }

    [Fact]
    public void Viterbi_finds_the_hand_computed_best_path()
    {
        // Scores of the eight paths for x = (0.5, 2.0, 2.8) (products of start, transitions and densities):
        // the best is 0 → 1 → 1, since 2.0 lies nearer 3 than 0 and staying in state 1 is likely (0.8).
        double[][] sequence = [[0.5], [2.0], [2.8]];
        var best = (Path: new int[3], Score: double.NegativeInfinity);
        double[] xs = [0.5, 2.0, 2.8];
        for (var code = 0; code < 8; code++)
        {
            int[] path = [code >> 2 & 1, code >> 1 & 1, code & 1];
            var score = TwoStates.Start[path[0]] * Density(xs[0], TwoStates.Means[path[0]][0]);
            for (var t = 1; t < 3; t++) score *= TwoStates.Transition[path[t - 1]][path[t]] * Density(xs[t], TwoStates.Means[path[t]][0]);
            if (score > best.Score) best = (path, score);
        }

        Assert.Equal([0, 1, 1], best.Path);
        Assert.Equal(best.Path, TwoStates.Viterbi(sequence));
    }

    [Fact]
    public void Viterbi_stays_in_a_sticky_state_through_one_outlier()
    {
        // 1.6 lies nearer state 1's mean (3) than state 0's (0), by 0.3 nats of emission. With sticky transitions two
        // switches cost 2 ln(0.01 / 0.99) ≈ −9.2 nats, so the path stays in state 0; with uniform ones it switches.
        var sticky = TwoStates with { Start = [0.5, 0.5], Transition = [[0.99, 0.01], [0.01, 0.99]] };
        var loose = TwoStates with { Transition = [[0.5, 0.5], [0.5, 0.5]] };
        double[][] sequence = [[0.0], [0.1], [1.6], [-0.2], [0.0]];

        Assert.Equal([0, 0, 0, 0, 0], sticky.Viterbi(sequence));
        Assert.Equal([0, 0, 1, 0, 0], loose.Viterbi(sequence));
    }

    [Fact]
    public void Free_parameters_count_start_transitions_means_and_variances()
    {
        var model = new GaussianHmm([0.5, 0.5], [[0.5, 0.5], [0.5, 0.5]], [[0, 0, 0], [1, 1, 1]], [[1, 1, 1], [1, 1, 1]]);

        Assert.Equal(1 + 2 + 6 + 6, model.FreeParameters);
    }
}
