using GrokDsl.Runs;

namespace GrokDsl.Cli.Launchers;

/// <summary>What became of one run in this invocation of a sweep.</summary>
/// <param name="Status">grokked, censored, diverged, interrupted, failed, or "not started" (stopped before it: Ctrl+C or --fail-fast).</param>
/// <param name="How">trained, resumed at step N, already finished, or the error of a failed run.</param>
/// <param name="Attempts">How often it was started here (1 + retries used); 0 when it was reused or not started.</param>
public sealed record RunOutcome(int Index, string RunId, string Status, string How, int Attempts, long? Steps, long? GrokkedAtStep)
{
    public static RunOutcome NotStarted(int index, string runId, string why) => new(index, runId, "not started", why, 0, null, null);
}

/// <summary>The runs a sweep invocation went through, in order, and the exit code they add up to.</summary>
public sealed record SweepOutcome(IReadOnlyList<RunOutcome> Runs)
{
    /// <summary>The most urgent outcome wins (<see cref="ExitCodes.MostUrgent"/>); 0 when every run grokked or was censored.</summary>
    public int ExitCode => Runs.Select(r => r.Status).Aggregate(ExitCodes.Ok, (code, status) => ExitCodes.MostUrgent(code, status switch
    {
        "interrupted" => ExitCodes.Interrupted,
        "failed" => ExitCodes.Failed,
        "diverged" => ExitCodes.Diverged,
        _ => ExitCodes.Ok,
    }));

    public static string StatusOf(RunStatus status) => status.ToString().ToLowerInvariant();
}
