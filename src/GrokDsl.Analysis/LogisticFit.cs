namespace GrokDsl.Analysis;

/// <summary>
/// Least-squares fit of a four-parameter logistic (<see cref="SigmoidFit"/>) by Levenberg–Marquardt:
/// each step solves (JᵀJ + λ·diag(JᵀJ))·δ = Jᵀr with the analytic Jacobian; λ shrinks tenfold after a
/// step that lowers the squared error and grows tenfold after one that does not. Written here to keep
/// the project free of a numerics dependency.
/// </summary>
public static class LogisticFit
{
    /// <summary>Fits against x = log10(step), leaving out step 0 (which has no logarithm). Null with fewer than 4 points.</summary>
    public static SigmoidFit? FitLogSteps(IReadOnlyList<SeriesPoint> series)
    {
        var points = series.Where(p => p.Step > 0).ToArray();
        return Fit([.. points.Select(p => Math.Log10(p.Step))], [.. points.Select(p => p.Value)]);
    }

    /// <summary>Fits y against x; null with fewer than 4 points or a flat y.</summary>
    public static SigmoidFit? Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, int maxIterations = 500)
    {
        if (x.Count != y.Count) throw new ArgumentException("x and y differ in length.");
        if (x.Count < 4) return null;
        var theta = InitialGuess(x, y);
        if (theta is null) return null;

        var lambda = 1e-3;
        var error = SquaredError(x, y, theta);
        var converged = false;
        var iteration = 0;
        for (; iteration < maxIterations && !converged; iteration++)
        {
            var (jtj, jtr) = NormalEquations(x, y, theta);
            var improved = false;
            while (lambda < 1e12)
            {
                var damped = (double[,])jtj.Clone();
                for (var i = 0; i < 4; i++) damped[i, i] += lambda * Math.Max(jtj[i, i], 1e-12);
                var step = Solve(damped, jtr);
                if (step is null) { lambda *= 10; continue; }
                var candidate = new double[4];
                for (var i = 0; i < 4; i++) candidate[i] = theta[i] + step[i];
                var candidateError = SquaredError(x, y, candidate);
                if (double.IsFinite(candidateError) && candidateError <= error)
                {
                    var change = error - candidateError;
                    var stepSize = Math.Sqrt(step.Sum(s => s * s));
                    theta = candidate;
                    error = candidateError;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    improved = true;
                    converged = change <= 1e-14 * Math.Max(error, 1e-300) || stepSize <= 1e-12 * (1 + Math.Sqrt(theta.Sum(t => t * t)));
                    break;
                }
                lambda *= 10;
            }
            if (!improved) { converged = true; break; }
        }

        return new SigmoidFit(theta[0], theta[1], theta[2], theta[3], Math.Sqrt(error / x.Count), iteration, converged);
    }

    // Lower and Upper from the ends of the curve, Midpoint where it first crosses half-way, Rate from the
    // 10 %→90 % width of the data (a logistic's is 2·ln 9 / k).
    static double[]? InitialGuess(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (min, max) = (y.Min(), y.Max());
        if (!(max > min)) return null;
        var rising = y[^1] >= y[0];
        var (lower, upper) = rising ? (min, max) : (max, min);
        double Crossing(double fraction)
        {
            var level = lower + fraction * (upper - lower);
            for (var i = 0; i < x.Count; i++)
                if (rising ? y[i] >= level : y[i] <= level) return x[i];
            return x[^1];
        }
        var width = Crossing(0.9) - Crossing(0.1);
        var span = x.Max() - x.Min();
        var rate = 2 * Math.Log(9) / (width > 0 ? width : Math.Max(span, 1e-9) / 10);
        return [lower, upper, rate, Crossing(0.5)];
    }

    static double SquaredError(IReadOnlyList<double> x, IReadOnlyList<double> y, double[] theta)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            var r = y[i] - Model(x[i], theta);
            sum += r * r;
        }
        return sum;
    }

    static double Model(double x, double[] t) => t[0] + (t[1] - t[0]) * Logistic(t[2] * (x - t[3]));

    static double Logistic(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    static (double[,] JtJ, double[] Jtr) NormalEquations(IReadOnlyList<double> x, IReadOnlyList<double> y, double[] t)
    {
        var jtj = new double[4, 4];
        var jtr = new double[4];
        var row = new double[4];
        for (var i = 0; i < x.Count; i++)
        {
            var s = Logistic(t[2] * (x[i] - t[3]));
            var ds = s * (1 - s);
            row[0] = 1 - s;
            row[1] = s;
            row[2] = (t[1] - t[0]) * ds * (x[i] - t[3]);
            row[3] = -(t[1] - t[0]) * ds * t[2];
            var r = y[i] - (t[0] + (t[1] - t[0]) * s);
            for (var a = 0; a < 4; a++)
            {
                jtr[a] += row[a] * r;
                for (var b = 0; b < 4; b++) jtj[a, b] += row[a] * row[b];
            }
        }
        return (jtj, jtr);
    }

    // Gaussian elimination with partial pivoting; null for a singular system.
    static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (Math.Abs(m[pivot, col]) < 1e-300) return null;
            if (pivot != col)
            {
                for (var c = 0; c < n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                (v[col], v[pivot]) = (v[pivot], v[col]);
            }
            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / m[col, col];
                for (var c = col; c < n; c++) m[r, c] -= f * m[col, c];
                v[r] -= f * v[col];
            }
        }
        var result = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = v[r];
            for (var c = r + 1; c < n; c++) sum -= m[r, c] * result[c];
            result[r] = sum / m[r, r];
        }
        return result.All(double.IsFinite) ? result : null;
    }
}
