using GrokDsl.Cli.Launchers.Slurm;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Launchers;

/// <summary>One run of a sweep as <c>grokdsl sweep status</c> shows it.</summary>
/// <param name="Status">grokked, censored, diverged (finished); running, pending (in the queue); interrupted, failed, unfinished, not started.</param>
/// <param name="Step">The last step it reached: its final step, or the last one in its metrics while it trains.</param>
public sealed record RunProgress(int Index, string RunId, string Status, long? Step, QueuedRun? Queue);

/// <summary>Where each run of a sweep stands, from its run directory first and the scheduler second.</summary>
public static class SweepProgress
{
    /// <summary>The order statuses are counted in: finished first, then in flight, then what needs attention.</summary>
    public static IReadOnlyList<string> Statuses { get; } =
        ["grokked", "censored", "diverged", "running", "pending", "interrupted", "failed", "unfinished", "not started"];

    public static IReadOnlyList<RunProgress> Of(RunPlan plan, IReadOnlyDictionary<string, QueuedRun> queue) =>
        [.. Enumerable.Range(0, plan.Runs.Count).Select(i => Of(plan, i, queue.GetValueOrDefault(plan.Runs[i].RunId)))];

    static RunProgress Of(RunPlan plan, int index, QueuedRun? queued)
    {
        var directory = plan.DirectoryOf(index);
        var summary = plan.SummaryOf(index);
        var status = summary switch
        {
            _ when summary.IsFinished() => Lower(summary!.Status),
            _ when queued is { IsRunning: true } => "running",
            _ when queued is { IsActive: true } => "pending",
            { } ended => Lower(ended.Status),
            null when File.Exists(directory.ConfigurationPath) => "unfinished",
            _ => "not started",
        };
        return new RunProgress(index, plan.Runs[index].RunId, status, summary?.FinalStep ?? LastStep(directory), queued);
    }

    static string Lower(RunStatus status) => status.ToString().ToLowerInvariant();

    static long? LastStep(RunDirectory directory)
    {
        if (!File.Exists(directory.MetricsPath)) return null;
        var metrics = MetricsFile.Read(directory.MetricsPath, out _);
        return metrics.Count == 0 ? null : metrics[^1].Step;
    }
}
