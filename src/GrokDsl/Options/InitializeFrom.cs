namespace GrokDsl;

/// <summary>
/// A warm start: the run begins from another run's checkpoint instead of a fresh initialization, e.g. to switch weight
/// decay off on a memorized network, or to continue a grokked one on a smaller training set ("ungrokking", Varma et
/// al. 2023). Part of the configuration, so a warm-started run has its own run id. The data split, batch order and
/// grokking times are the new run's own; only the parameters (and, when asked, the optimizer's state) come along.
/// </summary>
public sealed record InitializeFrom
{
    /// <summary>The source run directory (<c>runs/&lt;experiment-id&gt;/&lt;run-id&gt;</c>), absolute or relative to the working directory.</summary>
    public string Run { get; init; } = "";

    /// <summary>The step of the source checkpoint; null takes its newest.</summary>
    public long? Step { get; init; }

    /// <summary>Also take the optimizer's state (AdamW's moments and step count); by default the optimizer starts fresh.</summary>
    public bool OptimizerState { get; init; }
}
