namespace GrokDsl;

/// <summary>What a preset reproduces, and on which configuration.</summary>
/// <param name="Full">The configuration the targets are judged on: the paper's, or a CPU-sized stand-in that <paramref name="Note"/> explains.</param>
/// <param name="Smoke">A variant that runs the same code path in seconds; its verdicts are not expected to pass.</param>
/// <param name="Targets">The paper's numbers and how to measure each on the runs.</param>
/// <param name="Note">How <paramref name="Full"/> differs from the paper and why, in one or two sentences.</param>
public sealed record Reproduction(IExperiment Full, IExperiment Smoke, IReadOnlyList<ReproductionTarget> Targets, string? Note = null)
{
    /// <summary>
    /// Runs the full variant starts from (the sources of its warm starts, <see cref="InitializeFrom.Of"/>), trained
    /// first into the same runs folder; <see cref="SmokeSources"/> are the smoke variant's.
    /// </summary>
    public IReadOnlyList<IExperiment> Sources { get; init; } = [];

    /// <summary>The smoke variant's sources (see <see cref="Sources"/>).</summary>
    public IReadOnlyList<IExperiment> SmokeSources { get; init; } = [];

    /// <summary>The seeds the full variant runs (replacing the preset's own seed axis); null keeps the preset's.</summary>
    public IReadOnlyList<int>? Seeds { get; init; }

    /// <summary>
    /// Measured or estimated CPU hours of <see cref="Full"/> on the project's 2-core machine (steps per second
    /// measured × steps × runs), with how it was obtained. Above <see cref="CpuBudgetHours"/> the full variant is
    /// left for a GPU and <c>grokdsl reproduce --full</c> says so instead of starting it.
    /// </summary>
    public CpuCost? Cost { get; init; }

    /// <summary>The CPU time a full reproduction may take before it counts as a GPU workload.</summary>
    public const double CpuBudgetHours = 3;

    public bool NeedsGpu => Cost is { Hours: > CpuBudgetHours };
}

/// <param name="Hours">CPU hours of the full variant.</param>
/// <param name="Arithmetic">How they were obtained, e.g. "4.8 steps/s measured × 150,000 steps × 80 runs".</param>
public sealed record CpuCost(double Hours, string Arithmetic);
