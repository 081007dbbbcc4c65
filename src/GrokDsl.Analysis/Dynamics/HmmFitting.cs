namespace GrokDsl.Analysis.Dynamics;

/// <summary>How EM fits a <see cref="GaussianHmm"/>.</summary>
/// <param name="Restarts">Independent initializations; the fit with the highest training log-likelihood is kept (Hu et al. use 5).</param>
/// <param name="MaxIterations">EM iterations per restart at most.</param>
/// <param name="Tolerance">EM stops when the log-likelihood gains less than this in an iteration (hmmlearn's tol).</param>
/// <param name="VarianceFloor">Added to every variance, so a state that sees one point cannot collapse to a spike (hmmlearn's min_covar).</param>
/// <param name="Seed">Seeds the initializations; the same seed gives the same model.</param>
public sealed record HmmFitOptions(int Restarts = 5, int MaxIterations = 500, double Tolerance = 1e-4, double VarianceFloor = 1e-3, int Seed = 0);

/// <summary>
/// Baum–Welch (EM) for a diagonal Gaussian HMM over several independent sequences, in log space. Each restart
/// seeds the means by k-means++ on the pooled points followed by Lloyd iterations (hmmlearn initializes with
/// k-means too), the variances with the pooled variance, and start and transition probabilities uniformly.
/// </summary>
public static class HmmFitting
{
    public static HmmFit Fit(IReadOnlyList<IReadOnlyList<double[]>> sequences, int states, HmmFitOptions? options = null)
    {
        options ??= new HmmFitOptions();
        if (states < 1) throw new ArgumentOutOfRangeException(nameof(states), states, "An HMM has at least one state.");
        var points = sequences.SelectMany(s => s).ToArray();
        if (points.Length < states)
            throw new ArgumentException($"{points.Length} points cannot fit {states} states.", nameof(sequences));

        HmmFit? best = null;
        for (var restart = 0; restart < options.Restarts; restart++)
        {
            var random = new Random(HashCode.Combine(options.Seed, states, restart));
            var fit = Improve(Initial(points, states, options.VarianceFloor, random), sequences, options);
            if (best is null || fit.LogLikelihood > best.LogLikelihood) best = fit;
        }
        return best!;
    }

    static HmmFit Improve(GaussianHmm model, IReadOnlyList<IReadOnlyList<double[]>> sequences, HmmFitOptions options)
    {
        var previous = double.NegativeInfinity;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var (next, logLikelihood) = Step(model, sequences, options.VarianceFloor);
            // The likelihood reported is that of the model before this step: EM's E-step computes it for free.
            if (logLikelihood - previous < options.Tolerance)
                return new HmmFit(model, logLikelihood, iteration, Converged: true);
            previous = logLikelihood;
            model = next;
        }
        return new HmmFit(model, model.LogLikelihood(sequences), options.MaxIterations, Converged: false);
    }

    /// <summary>One EM iteration: expected counts under <paramref name="model"/>, then their maximizers.</summary>
    public static (GaussianHmm Next, double LogLikelihood) Step(GaussianHmm model, IReadOnlyList<IReadOnlyList<double[]>> sequences, double varianceFloor)
    {
        int k = model.States, d = model.Dimensions;
        var start = new double[k];
        var transitions = new double[k][];
        for (var i = 0; i < k; i++) transitions[i] = new double[k];
        var weight = new double[k];
        var sum = new double[k][];
        var sumSquares = new double[k][];
        for (var i = 0; i < k; i++) { sum[i] = new double[d]; sumSquares[i] = new double[d]; }

        var logTransition = model.LogTransitions();
        var total = 0.0;
        foreach (var sequence in sequences)
        {
            if (sequence.Count == 0) continue;
            var emissions = model.LogEmissions(sequence);
            var alpha = model.Forward(sequence, emissions);
            var beta = model.Backward(sequence, emissions);
            var logLikelihood = LogSpace.SumExp(alpha[^1]);
            total += logLikelihood;
            for (var t = 0; t < sequence.Count; t++)
                for (var i = 0; i < k; i++)
                {
                    var gamma = Math.Exp(alpha[t][i] + beta[t][i] - logLikelihood);
                    if (t == 0) start[i] += gamma;
                    weight[i] += gamma;
                    for (var j = 0; j < d; j++)
                    {
                        sum[i][j] += gamma * sequence[t][j];
                        sumSquares[i][j] += gamma * sequence[t][j] * sequence[t][j];
                    }
                    if (t + 1 < sequence.Count)
                        for (var j = 0; j < k; j++)
                            transitions[i][j] += Math.Exp(alpha[t][i] + logTransition[i][j] + emissions[t + 1][j] + beta[t + 1][j] - logLikelihood);
                }
        }

        var startTotal = start.Sum();
        var means = new double[k][];
        var variances = new double[k][];
        for (var i = 0; i < k; i++)
        {
            var rowTotal = transitions[i].Sum();
            // A state never left (or never entered) keeps its old row rather than dividing by zero.
            transitions[i] = rowTotal > 0 ? [.. transitions[i].Select(c => c / rowTotal)] : [.. model.Transition[i]];
            if (weight[i] <= 1e-12)
            {
                means[i] = [.. model.Means[i]];
                variances[i] = [.. model.Variances[i]];
                continue;
            }
            means[i] = new double[d];
            variances[i] = new double[d];
            for (var j = 0; j < d; j++)
            {
                var mean = sum[i][j] / weight[i];
                means[i][j] = mean;
                variances[i][j] = Math.Max(sumSquares[i][j] / weight[i] - mean * mean, 0) + varianceFloor;
            }
        }
        var next = new GaussianHmm([.. start.Select(s => s / startTotal)], transitions, means, variances);
        return (next, total);
    }

    static GaussianHmm Initial(double[][] points, int states, double varianceFloor, Random random)
    {
        var d = points[0].Length;
        var means = KMeans(points, states, random);
        var pooled = new double[d];
        for (var j = 0; j < d; j++)
        {
            var mean = points.Average(p => p[j]);
            pooled[j] = points.Average(p => (p[j] - mean) * (p[j] - mean)) + varianceFloor;
        }
        var uniform = 1.0 / states;
        return new GaussianHmm(
            [.. Enumerable.Repeat(uniform, states)],
            [.. Enumerable.Range(0, states).Select(_ => Enumerable.Repeat(uniform, states).ToArray())],
            means,
            [.. Enumerable.Range(0, states).Select(_ => pooled.ToArray())]);
    }

    /// <summary>k-means++ seeding (Arthur and Vassilvitskii 2007) and ten Lloyd iterations.</summary>
    static double[][] KMeans(double[][] points, int k, Random random)
    {
        var centers = new List<double[]> { points[random.Next(points.Length)].ToArray() };
        var distances = new double[points.Length];
        while (centers.Count < k)
        {
            for (var p = 0; p < points.Length; p++) distances[p] = centers.Min(c => SquaredDistance(points[p], c));
            var total = distances.Sum();
            var pick = random.Next(points.Length);
            if (total > 0)
            {
                var target = random.NextDouble() * total;
                for (pick = 0; pick < points.Length - 1 && (target -= distances[pick]) > 0; pick++) { }
            }
            centers.Add(points[pick].ToArray());
        }
        var assignment = new int[points.Length];
        for (var iteration = 0; iteration < 10; iteration++)
        {
            for (var p = 0; p < points.Length; p++)
            {
                var best = 0;
                for (var c = 1; c < k; c++)
                    if (SquaredDistance(points[p], centers[c]) < SquaredDistance(points[p], centers[best])) best = c;
                assignment[p] = best;
            }
            for (var c = 0; c < k; c++)
            {
                var members = Enumerable.Range(0, points.Length).Where(p => assignment[p] == c).ToArray();
                if (members.Length == 0) continue; // an empty cluster keeps its seed
                for (var j = 0; j < centers[c].Length; j++) centers[c][j] = members.Average(p => points[p][j]);
            }
        }
        return [.. centers];
    }

    static double SquaredDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++) sum += (a[j] - b[j]) * (a[j] - b[j]);
        return sum;
    }
}

/// <summary>A fitted model with its training log-likelihood and how EM ended.</summary>
public sealed record HmmFit(GaussianHmm Model, double LogLikelihood, int Iterations, bool Converged);
