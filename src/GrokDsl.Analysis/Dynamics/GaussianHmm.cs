namespace GrokDsl.Analysis.Dynamics;

/// <summary>
/// A hidden Markov model with one diagonal-covariance Gaussian per state, the model Hu et al. (2023, "Latent State
/// Models of Training Dynamics") fit to z-scored weight metrics: <paramref name="Start"/>[i] = P(s₁ = i),
/// <paramref name="Transition"/>[i][j] = P(sₜ₊₁ = j | sₜ = i), and state i emits x ~ N(<paramref name="Means"/>[i],
/// diag(<paramref name="Variances"/>[i])). A sequence is one run: one row of metrics per measured checkpoint.
/// </summary>
public sealed record GaussianHmm(double[] Start, double[][] Transition, double[][] Means, double[][] Variances)
{
    public int States => Start.Length;

    public int Dimensions => Means[0].Length;

    /// <summary>
    /// Free parameters for AIC/BIC: K − 1 start probabilities, K(K − 1) transition probabilities, K·d means and
    /// K·d variances (hmmlearn counts the same for covariance_type="diag").
    /// </summary>
    public int FreeParameters => States - 1 + States * (States - 1) + 2 * States * Dimensions;

    /// <summary>log N(x; μᵢ, diag(σᵢ²)).</summary>
    public double LogEmission(int state, IReadOnlyList<double> x)
    {
        var mean = Means[state];
        var variance = Variances[state];
        var sum = 0.0;
        for (var d = 0; d < mean.Length; d++)
        {
            var diff = x[d] - mean[d];
            sum += Math.Log(2 * Math.PI * variance[d]) + diff * diff / variance[d];
        }
        return -0.5 * sum;
    }

    /// <summary>log p(x₁..x_T), by the forward algorithm in log space.</summary>
    public double LogLikelihood(IReadOnlyList<double[]> sequence)
    {
        if (sequence.Count == 0) return 0;
        var alpha = Forward(sequence, LogEmissions(sequence));
        return LogSpace.SumExp(alpha[^1]);
    }

    /// <summary>The log-likelihood summed over independent sequences (runs).</summary>
    public double LogLikelihood(IEnumerable<IReadOnlyList<double[]>> sequences) => sequences.Sum(LogLikelihood);

    /// <summary>The most probable state path (Viterbi), ties broken towards the lower state index.</summary>
    public int[] Viterbi(IReadOnlyList<double[]> sequence)
    {
        var length = sequence.Count;
        if (length == 0) return [];
        var emissions = LogEmissions(sequence);
        var logTransition = LogTransitions();
        var score = new double[length, States];
        var back = new int[length, States];
        for (var i = 0; i < States; i++) score[0, i] = LogSpace.Log(Start[i]) + emissions[0][i];
        for (var t = 1; t < length; t++)
            for (var j = 0; j < States; j++)
            {
                var best = double.NegativeInfinity;
                var argBest = 0;
                for (var i = 0; i < States; i++)
                {
                    var candidate = score[t - 1, i] + logTransition[i][j];
                    if (candidate > best) { best = candidate; argBest = i; }
                }
                score[t, j] = best + emissions[t][j];
                back[t, j] = argBest;
            }
        var path = new int[length];
        var last = 0;
        for (var i = 1; i < States; i++) if (score[length - 1, i] > score[length - 1, last]) last = i;
        path[length - 1] = last;
        for (var t = length - 1; t > 0; t--) path[t - 1] = back[t, path[t]];
        return path;
    }

    internal double[][] LogEmissions(IReadOnlyList<double[]> sequence)
    {
        var emissions = new double[sequence.Count][];
        for (var t = 0; t < sequence.Count; t++)
        {
            emissions[t] = new double[States];
            for (var i = 0; i < States; i++) emissions[t][i] = LogEmission(i, sequence[t]);
        }
        return emissions;
    }

    internal double[][] LogTransitions() => [.. Transition.Select(row => row.Select(LogSpace.Log).ToArray())];

    /// <summary>log αₜ(i) = log p(x₁..xₜ, sₜ = i).</summary>
    internal double[][] Forward(IReadOnlyList<double[]> sequence, double[][] emissions)
    {
        var logTransition = LogTransitions();
        var alpha = new double[sequence.Count][];
        alpha[0] = new double[States];
        for (var i = 0; i < States; i++) alpha[0][i] = LogSpace.Log(Start[i]) + emissions[0][i];
        var terms = new double[States];
        for (var t = 1; t < sequence.Count; t++)
        {
            alpha[t] = new double[States];
            for (var j = 0; j < States; j++)
            {
                for (var i = 0; i < States; i++) terms[i] = alpha[t - 1][i] + logTransition[i][j];
                alpha[t][j] = LogSpace.SumExp(terms) + emissions[t][j];
            }
        }
        return alpha;
    }

    /// <summary>log βₜ(i) = log p(xₜ₊₁..x_T | sₜ = i).</summary>
    internal double[][] Backward(IReadOnlyList<double[]> sequence, double[][] emissions)
    {
        var logTransition = LogTransitions();
        var length = sequence.Count;
        var beta = new double[length][];
        beta[length - 1] = new double[States]; // log 1 = 0
        var terms = new double[States];
        for (var t = length - 2; t >= 0; t--)
        {
            beta[t] = new double[States];
            for (var i = 0; i < States; i++)
            {
                for (var j = 0; j < States; j++) terms[j] = logTransition[i][j] + emissions[t + 1][j] + beta[t + 1][j];
                beta[t][i] = LogSpace.SumExp(terms);
            }
        }
        return beta;
    }
}
