namespace GrokDsl.Runs;

/// <summary>
/// The grokking numbers of a finished run, computed from its metrics when it ends (GrokDsl.Analysis) and stored
/// in its summary, so that listings and sweeps read them without re-analysing every metrics stream. Each is null
/// where the run does not determine it (e.g. no gap without both a memorization and a grokking step).
/// </summary>
public sealed record RunAnalysis
{
    /// <summary>t_grok − t_mem in steps.</summary>
    public long? GrokkingGap { get; init; }

    /// <summary>t_grok / t_mem.</summary>
    public double? GrokkingRatio { get; init; }

    /// <summary>Start of the test accuracy's final ascent: from here it stays above 10 % of its range (see <see cref="TransitionEndStep"/>).</summary>
    public long? TransitionStartStep { get; init; }

    /// <summary>First step at which test accuracy reached 90 % of its range (min + 0.9·(max − min)).</summary>
    public long? TransitionEndStep { get; init; }

    /// <summary>The 10 %→90 % width in decades of steps, log10(end / start).</summary>
    public double? TransitionWidthDecades { get; init; }

    /// <summary>Midpoint of a logistic fitted to test accuracy against log10(step), as a step.</summary>
    public double? SigmoidMidpointStep { get; init; }

    /// <summary>The fitted logistic's rate per decade of steps; larger is sharper.</summary>
    public double? SigmoidRate { get; init; }

    /// <summary>The fitted logistic's largest slope, in accuracy per decade of steps.</summary>
    public double? SigmoidMaxSlope { get; init; }

    /// <summary>Memorization, circuit formation and cleanup as step ranges, once the run memorized; null before.</summary>
    public IReadOnlyList<PhaseRange>? Phases { get; init; }

    /// <summary>False when the run ended inside a phase other than a finished cleanup.</summary>
    public bool? PhasesComplete { get; init; }
}

/// <summary>One training phase ("memorization", "circuit-formation", "cleanup") as the steps [StartStep, EndStep].</summary>
public sealed record PhaseRange(string Phase, long StartStep, long EndStep);
