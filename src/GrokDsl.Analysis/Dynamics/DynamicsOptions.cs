namespace GrokDsl.Analysis.Dynamics;

/// <summary>What <see cref="DynamicsAnalysis"/> fits.</summary>
/// <param name="MinStates">Smallest state count tried (Hu et al.: 1).</param>
/// <param name="MaxStates">Largest state count tried (Hu et al.: 8).</param>
/// <param name="HoldoutFraction">The share of runs held out to score the state counts; at least one run is held out when this is above 0.</param>
public sealed record DynamicsOptions(
    int MinStates = 1,
    int MaxStates = 8,
    double HoldoutFraction = 0.25,
    Standardization Standardization = Standardization.PerRun,
    HmmFitOptions? Fit = null)
{
    public HmmFitOptions FitOptions => Fit ?? new HmmFitOptions();

    /// <summary>The 14 metrics of Hu et al.'s "base" column set, over all weight matrices (the weight-statistics measure).</summary>
    public static readonly IReadOnlyList<string> HuBaseMetrics =
    [
        .. new[]
        {
            "l1", "l2", "trace", "spectral", "code_sparsity", "computational_sparsity", "sv_mean", "sv_variance",
            "weight_mean", "weight_median", "weight_variance", "bias_mean", "bias_median", "bias_variance",
        }.Select(stat => $"weight-statistics.all.{stat}"),
    ];
}

/// <summary>The runs cannot be analysed as asked; the message says what is missing and how to get it.</summary>
public sealed class DynamicsInputException(string message) : Exception(message);
