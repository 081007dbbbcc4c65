using System.Text.Json.Serialization;
using GrokDsl.Runs;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Coordination;

/// <summary>What became of one run of an invocation: a row of the table a sweep ends with.</summary>
/// <param name="Index">The run's index in the plan (<see cref="Planning.RunPlan.Runs"/>).</param>
/// <param name="Ended">How the run ended; null when it was not started (Ctrl+C or --fail-fast before it).</param>
/// <param name="How">trained, resumed at step N, already finished, or the error of a failed run.</param>
/// <param name="Attempts">How often it was started here (1 + retries used); 0 when it was reused or not started.</param>
/// <param name="Result">The run directory and summary, when the run trained or was reused; null when it failed or was not started.</param>
public sealed record SweepEntry(
    int Index, string RunId, [property: JsonIgnore] RunStatus? Ended, string How, int Attempts, long? Steps, long? GrokkedAtStep,
    [property: JsonIgnore] RunResult? Result = null)
{
    /// <summary>grokked, censored, diverged, interrupted, failed, or "not started".</summary>
    public string Status => Ended is { } status ? status.ToString().ToLowerInvariant() : "not started";

    public static SweepEntry NotStarted(int index, string runId, string why) => new(index, runId, null, why, 0, null, null);

    public static SweepEntry Failed(int index, string runId, string error, int attempts, long? steps) =>
        new(index, runId, RunStatus.Failed, error, attempts, steps, null);

    public static SweepEntry Of(int index, RunResult result, int attempts)
    {
        var s = result.Summary;
        var how = result.Reused ? "already finished"
            : result.ResumedFromStep is { } step ? $"resumed at step {step}" : "trained";
        return new SweepEntry(index, s.RunId, s.Status, how, result.Reused ? 0 : attempts, s.FinalStep, s.GrokkedAtStep, result);
    }
}

/// <summary>The runs one invocation went through, in order, the exit code they add up to, and the stack packing if it stacked.</summary>
public sealed record SweepResult(IReadOnlyList<SweepEntry> Runs, StackPlan? Packing = null)
{
    /// <summary>The most urgent outcome wins (<see cref="ExitCodes.MostUrgent"/>); 0 when every run grokked or was censored.</summary>
    public int ExitCode => Runs.Aggregate(ExitCodes.Ok, (code, run) => ExitCodes.MostUrgent(code, run.Ended is { } status ? ExitCodes.Of(status) : ExitCodes.Ok));

    /// <summary>The runs that trained or were reused, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<RunResult> Results => [.. Runs.Select(r => r.Result).OfType<RunResult>()];
}
