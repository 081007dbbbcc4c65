using MathNet.Numerics.Distributions;

namespace GrokDsl.Analysis.Dynamics;

/// <summary>
/// The effect of visiting one state on convergence time: the least-squares line
/// convergence step = <paramref name="Intercept"/> + <paramref name="Coefficient"/> · visited, over all runs.
/// With a 0/1 regressor the coefficient is the mean convergence step of the runs that visit the state minus that
/// of the runs that do not. <paramref name="T"/> and <paramref name="P"/> (two-sided, n − 2 degrees of freedom) are
/// null where they are undefined: every run or no run visits, fewer than three runs, or a perfect fit.
/// </summary>
public sealed record StateEffect(int State, int RunsVisiting, int Runs, double? Intercept, double? Coefficient, double? T, double? P);

public static class DetourRegression
{
    public static StateEffect Fit(int state, IReadOnlyList<bool> visited, IReadOnlyList<double> convergence)
    {
        if (visited.Count != convergence.Count) throw new ArgumentException("One visit flag per run.", nameof(visited));
        var n = visited.Count;
        var visiting = visited.Count(v => v);
        if (visiting == 0 || visiting == n)
            return new StateEffect(state, visiting, n, null, null, null, null);

        var x = visited.Select(v => v ? 1.0 : 0.0).ToArray();
        var meanX = x.Average();
        var meanY = convergence.Average();
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (convergence[i] - meanY);
            syy += (convergence[i] - meanY) * (convergence[i] - meanY);
        }
        var slope = sxy / sxx;
        var intercept = meanY - slope * meanX;
        if (n < 3 || syy <= 0) return new StateEffect(state, visiting, n, intercept, slope, null, null);

        var residual = Math.Max(syy - slope * sxy, 0);
        var degrees = n - 2;
        var standardError = Math.Sqrt(residual / degrees / sxx);
        if (standardError <= 0) return new StateEffect(state, visiting, n, intercept, slope, null, null);
        var t = slope / standardError;
        var p = 2 * StudentT.CDF(0, 1, degrees, -Math.Abs(t));
        return new StateEffect(state, visiting, n, intercept, slope, t, p);
    }
}
