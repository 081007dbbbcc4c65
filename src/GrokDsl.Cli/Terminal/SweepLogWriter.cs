using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Cli.Terminal;

/// <summary>
/// A sweep's log as plain lines (under a scheduler the output is a log file): plugins reloaded between runs, the
/// packing, each run as it ends, and errors with the attempt they ended.
/// </summary>
/// <param name="showReports">Print the report path of each run trained.</param>
sealed class SweepLogWriter(TextWriter output, TextWriter error, bool showReports) : ISweepLog
{
    public void OnPluginsChanged(string nextRun, PluginRefresh refresh) => output.WriteLine(Describe(nextRun, refresh));

    public void OnPacked(StackPlan packing)
    {
        foreach (var line in packing.Describe()) output.WriteLine(line);
    }

    public void OnAttemptFailed(string what, int attempt, int attempts, Exception e, bool retrying) =>
        error.WriteLine($"error: {what}, attempt {attempt} of {attempts}: {e.GetType().Name}: {e.Message}" +
                        (retrying ? "; retrying from its newest checkpoint" : ""));

    public void OnRunEnded(SweepEntry entry, int position, int count)
    {
        if (entry.Ended is null) return;
        output.WriteLine($"[{position}/{count}] run {entry.Index} {entry.RunId}: {entry.Status} ({entry.How}); {entry.Steps?.ToString() ?? "-"} steps");
        if (showReports && entry.Result is { Reused: false } result)
            output.WriteLine(result.ReportProblem is { } problem ? $"  report not written: {problem}" : $"  report: {result.Directory.ReportPath}");
    }

    public static string Describe(string nextRun, PluginRefresh refresh) => $"plugins changed before {nextRun}: " + string.Join(", ",
        refresh.Added.Select(p => $"added {p.Id}").Concat(refresh.Reloaded.Select(p => $"reloaded {p.Id}")).Concat(refresh.Removed.Select(p => $"removed {p.Id}")));
}
