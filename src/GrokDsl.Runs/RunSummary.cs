namespace GrokDsl.Runs;

/// <summary>How a run ended.</summary>
public enum RunStatus
{
    /// <summary>Reached the grokking threshold.</summary>
    Grokked,

    /// <summary>Used its budget without grokking: censored at its last step.</summary>
    Censored,

    /// <summary>Loss or parameters became NaN or infinite.</summary>
    Diverged,

    /// <summary>Stopped by a signal before it ended.</summary>
    Interrupted,

    /// <summary>An error ended it.</summary>
    Failed,
}

/// <summary>The numbers a run is known by, written to <c>summary.json</c> when it ends.</summary>
public sealed record RunSummary
{
    public required string ExperimentId { get; init; }
    public required string RunId { get; init; }
    public required RunStatus Status { get; init; }
    public long? MemorizedAtStep { get; init; }
    public long? GrokkedAtStep { get; init; }
    public required long FinalStep { get; init; }
    public required double FinalTrainAccuracy { get; init; }
    public required double FinalTestAccuracy { get; init; }
    public required double WallSeconds { get; init; }
    public required double StepsPerSecond { get; init; }
    public required string Device { get; init; }

    /// <summary>The step and quantity that diverged, for <see cref="RunStatus.Diverged"/> runs.</summary>
    public string? Divergence { get; init; }

    /// <summary>The error, for <see cref="RunStatus.Failed"/> runs.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// Progress measures that threw and were switched off for the rest of the run: measure id → "ExceptionType: message".
    /// Null (and absent from summary.json) when none failed.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? FailedMeasures { get; init; }

    /// <summary>Grokking gap and ratio, transition sharpness and phases; null for runs that failed or have no metrics.</summary>
    public RunAnalysis? Analysis { get; init; }

    /// <summary>Plugin ids and versions the run used, e.g. "grokdsl.mlp" → "0.1.0".</summary>
    public IReadOnlyDictionary<string, string> Plugins { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Plugin ids and build hashes, e.g. "grokdsl.mlp" → "3f9c2a1b7d4e": a plugin rebuilt without a version bump keeps its
    /// version but not its hash. Empty in runs recorded before it was.
    /// </summary>
    public IReadOnlyDictionary<string, string> PluginBuilds { get; init; } = new Dictionary<string, string>();
}

/// <summary>The one definition of what a run's status means for what comes next.</summary>
public static class RunStatusRules
{
    /// <summary>
    /// Finished: the run needs no more training and is reused as it is (grokked, censored at its budget, or diverged).
    /// Interrupted and failed runs are not finished: running them again resumes them from their newest checkpoint.
    /// </summary>
    public static bool IsFinished(this RunStatus status) => status is RunStatus.Grokked or RunStatus.Censored or RunStatus.Diverged;

    /// <summary>The summary of a finished run, else false (no summary, or one of a run that goes on).</summary>
    public static bool IsFinished(this RunSummary? summary) => summary?.Status.IsFinished() == true;
}
