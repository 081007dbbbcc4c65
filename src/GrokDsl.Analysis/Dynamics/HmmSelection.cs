namespace GrokDsl.Analysis.Dynamics;

/// <summary>One candidate state count: its best fit on the training runs and its scores on the held-out runs.</summary>
/// <param name="HeldOutLogLikelihood">Summed over the held-out runs (the training runs when none are held out).</param>
/// <param name="Aic">−2 log L + 2p on the held-out runs.</param>
/// <param name="Bic">−2 log L + p ln n, n the number of held-out points.</param>
public sealed record StateCountScore(int States, double TrainingLogLikelihood, double HeldOutLogLikelihood, double Aic, double Bic, int Parameters, bool Converged);

/// <summary>
/// Model selection over the number of states, as Hu et al. do it: for each count, fit on the training runs (best
/// of several restarts) and score on held-out runs; the count with the lowest held-out BIC is chosen.
/// </summary>
public static class HmmSelection
{
    public static (IReadOnlyList<StateCountScore> Scores, int Chosen) Select(
        IReadOnlyList<IReadOnlyList<double[]>> training, IReadOnlyList<IReadOnlyList<double[]>> heldOut,
        IEnumerable<int> stateCounts, HmmFitOptions options)
    {
        var scored = heldOut.Count > 0 ? heldOut : training;
        var points = scored.Sum(s => s.Count);
        var scores = new List<StateCountScore>();
        foreach (var states in stateCounts)
        {
            var fit = HmmFitting.Fit(training, states, options);
            var logLikelihood = fit.Model.LogLikelihood(scored);
            var parameters = fit.Model.FreeParameters;
            scores.Add(new StateCountScore(
                states, fit.LogLikelihood, logLikelihood,
                -2 * logLikelihood + 2 * parameters, -2 * logLikelihood + parameters * Math.Log(points), parameters, fit.Converged));
        }
        if (scores.Count == 0) throw new ArgumentException("No state count to choose from.", nameof(stateCounts));
        return (scores, scores.MinBy(s => s.Bic)!.States);
    }
}
