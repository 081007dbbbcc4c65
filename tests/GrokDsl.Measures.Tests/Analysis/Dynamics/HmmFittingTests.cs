using GrokDsl.Analysis.Dynamics;

namespace GrokDsl.Measures.Tests.Analysis.Dynamics;

public sealed class HmmFittingTests
{
    // Three well-separated states in two dimensions, with sticky transitions (training phases last a while).
    static readonly GaussianHmm Truth = new(
        Start: [0.8, 0.1, 0.1],
        Transition: [[0.90, 0.08, 0.02], [0.05, 0.90, 0.05], [0.03, 0.07, 0.90]],
        Means: [[-3.0, 0.0], [0.0, 3.0], [3.0, -1.0]],
        Variances: [[0.5, 0.5], [0.3, 0.8], [0.6, 0.4]]);

    [Fact]
    public void Em_recovers_the_means_and_the_transition_matrix_of_a_known_model()
    {
        var data = SyntheticHmm.Sample(Truth, sequences: 20, length: 150, seed: 7);

        var fit = HmmFitting.Fit(data, 3, new HmmFitOptions(Restarts: 3, Seed: 1)).Model;

        // States come out in any order: match each true state to the fitted state with the nearest mean.
        var match = Truth.Means.Select(m => Enumerable.Range(0, 3).MinBy(j => Distance(m, fit.Means[j]))).ToArray();
        Assert.Equal(3, match.Distinct().Count());
        for (var i = 0; i < 3; i++)
        {
            Assert.True(Distance(Truth.Means[i], fit.Means[match[i]]) < 0.15, $"state {i}: mean {string.Join(",", fit.Means[match[i]])}");
            for (var d = 0; d < 2; d++) Assert.Equal(Truth.Variances[i][d], fit.Variances[match[i]][d], 0.15);
            for (var j = 0; j < 3; j++) Assert.Equal(Truth.Transition[i][j], fit.Transition[match[i]][match[j]], 0.04);
        }
    }

    [Fact]
    public void Em_never_lowers_the_likelihood()
    {
        var data = SyntheticHmm.Sample(Truth, sequences: 5, length: 60, seed: 3);
        var model = HmmFitting.Fit(data, 3, new HmmFitOptions(Restarts: 1, MaxIterations: 1)).Model;

        var previous = double.NegativeInfinity;
        for (var i = 0; i < 20; i++)
        {
            var (next, logLikelihood) = HmmFitting.Step(model, data, 1e-3);
            Assert.True(logLikelihood >= previous - 1e-9, $"iteration {i}: {logLikelihood} after {previous}");
            previous = logLikelihood;
            model = next;
        }
    }

    [Fact]
    public void Bic_on_held_out_runs_picks_the_true_number_of_states()
    {
        var training = SyntheticHmm.Sample(Truth, sequences: 15, length: 120, seed: 11);
        var heldOut = SyntheticHmm.Sample(Truth, sequences: 5, length: 120, seed: 12);

        var (scores, chosen) = HmmSelection.Select(training, heldOut, Enumerable.Range(1, 5), new HmmFitOptions(Restarts: 3));

        Assert.Equal(3, chosen);
        Assert.Equal([1, 2, 3, 4, 5], scores.Select(s => s.States));
        Assert.True(scores[2].HeldOutLogLikelihood > scores[1].HeldOutLogLikelihood + 100);
    }

    [Fact]
    public void The_same_seed_gives_the_same_model()
    {
        var data = SyntheticHmm.Sample(Truth, sequences: 4, length: 50, seed: 5);

        var a = HmmFitting.Fit(data, 3, new HmmFitOptions(Restarts: 2, Seed: 9));
        var b = HmmFitting.Fit(data, 3, new HmmFitOptions(Restarts: 2, Seed: 9));

        Assert.Equal(a.LogLikelihood, b.LogLikelihood);
        Assert.Equal(a.Model.Means.SelectMany(m => m), b.Model.Means.SelectMany(m => m));
    }

    static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
