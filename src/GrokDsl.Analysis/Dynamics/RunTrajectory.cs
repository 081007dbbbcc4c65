namespace GrokDsl.Analysis.Dynamics;

/// <summary>
/// One run as the training-dynamics models see it: the chosen metrics at each measured step (one row per step,
/// in the order of <c>metrics</c>), and when it converged.
/// </summary>
/// <param name="ConvergedAtStep">The step the run grokked; for a run that did not, the step it was censored at.</param>
/// <param name="Converged">False for a censored run.</param>
public sealed record RunTrajectory(string RunId, IReadOnlyList<long> Steps, IReadOnlyList<double[]> Rows, long ConvergedAtStep, bool Converged);

/// <summary>How metric trajectories are standardized before fitting.</summary>
public enum Standardization
{
    /// <summary>Each run's metric z-scored over its own trajectory, as Hu et al.'s code does: states describe shape, not level.</summary>
    PerRun,

    /// <summary>Every run's metric z-scored with the mean and deviation of all runs together: states also tell levels apart.</summary>
    Pooled,
}

public static class TrajectoryScaling
{
    /// <summary>
    /// z-scores each metric column. A column that is constant where it is standardized becomes 0 rather than
    /// NaN (it carries no information about the state).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<double[]>> Standardize(IReadOnlyList<RunTrajectory> runs, Standardization standardization)
    {
        if (runs.Count == 0) return [];
        var dimensions = runs.First(r => r.Rows.Count > 0).Rows[0].Length;
        return standardization switch
        {
            Standardization.PerRun => [.. runs.Select(run => Scale(run.Rows, Moments(run.Rows, dimensions)))],
            _ => Pooled(runs, dimensions),
        };
    }

    static IReadOnlyList<IReadOnlyList<double[]>> Pooled(IReadOnlyList<RunTrajectory> runs, int dimensions)
    {
        var moments = Moments([.. runs.SelectMany(r => r.Rows)], dimensions);
        return [.. runs.Select(run => Scale(run.Rows, moments))];
    }

    static (double[] Mean, double[] Deviation) Moments(IReadOnlyList<double[]> rows, int dimensions)
    {
        var mean = new double[dimensions];
        var deviation = new double[dimensions];
        for (var j = 0; j < dimensions; j++)
        {
            mean[j] = rows.Average(r => r[j]);
            deviation[j] = Math.Sqrt(rows.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])));
        }
        return (mean, deviation);
    }

    static IReadOnlyList<double[]> Scale(IReadOnlyList<double[]> rows, (double[] Mean, double[] Deviation) moments) =>
    [
        .. rows.Select(row => row
            .Select((value, j) => moments.Deviation[j] > 1e-12 ? (value - moments.Mean[j]) / moments.Deviation[j] : 0.0)
            .ToArray()),
    ];
}
