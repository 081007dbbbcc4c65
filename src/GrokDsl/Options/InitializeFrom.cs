namespace GrokDsl;

/// <summary>
/// A warm start: the run begins from another run's checkpoint instead of a fresh initialization, e.g. to switch weight
/// decay off on a memorized network, or to continue a grokked one on a smaller training set ("ungrokking", Varma et
/// al. 2023). Part of the configuration, so a warm-started run has its own run id. The data split, batch order and
/// grokking times are the new run's own; only the parameters (and, when asked, the optimizer's state) come along.
/// </summary>
public sealed record InitializeFrom
{
    /// <summary>
    /// The source run directory: absolute, relative to the working directory (<c>runs/&lt;experiment-id&gt;/&lt;run-id&gt;</c>),
    /// or, after <see cref="InRunsFolder"/>, relative to the runs folder the run trains in (<c>@modular-addition/0f1e2d3c4b5a</c>).
    /// The last form is what <see cref="Of"/> writes: it names the same run wherever the runs folder lives, so the
    /// warm-started run's id does not depend on the machine.
    /// </summary>
    public string Run { get; init; } = "";

    /// <summary>Marks <see cref="Run"/> as relative to the runs folder.</summary>
    public const string InRunsFolder = "@";

    /// <summary>A warm start from the run that <paramref name="source"/> trains (in the same runs folder), at <paramref name="step"/> or its newest checkpoint.</summary>
    public static InitializeFrom Of(IExperiment source, long? step = null) =>
        new() { Run = $"{InRunsFolder}{source.Info.Id}/{source.ToRunSpec().RunId}", Step = step };

    /// <summary>The step of the source checkpoint; null takes its newest.</summary>
    public long? Step { get; init; }

    /// <summary>Also take the optimizer's state (AdamW's moments and step count); by default the optimizer starts fresh.</summary>
    public bool OptimizerState { get; init; }
}
