namespace GrokDsl.Cli.Launchers;

/// <summary>
/// The <c>grokdsl sweep task</c> command line a scheduler runs for one task, less the task's index
/// and runs, which the scheduler supplies. Launchers share it so every task looks the same.
/// </summary>
public static class SweepTaskInvocation
{
    public const string TaskOption = "--task";
    public const string RunIndicesOption = "--run-indices";
    public const string FingerprintOption = "--sweep-fingerprint";
    public const string RetriesOption = "--retries";

    public static IReadOnlyList<string> For(RunPlan plan, IReadOnlyList<string> grokdsl, int retries, MetricsGapPolicy onMetricsGap = MetricsGapPolicy.Refuse)
    {
        var command = new List<string>(grokdsl) { "sweep", "task" };
        command.AddRange(plan.Reference.ToArguments());
        command.AddRange(["--runs", plan.RunsRoot, FingerprintOption, plan.Fingerprint, RetriesOption, retries.ToString()]);
        // A sweep let past the default limit with --max-runs: its tasks expand it again, and must let it past too.
        if (plan.Runs.Count > ExperimentInfo.DefaultMaxRuns) command.AddRange(["--max-runs", plan.Runs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        foreach (var folder in plan.PluginFolders) command.AddRange(["--plugins", folder]);
        command.AddRange(plan.Placement.ToArguments());
        // Every attempt of a task, a requeued one too, resumes as the submitting command line asked.
        command.AddRange(Commands.MetricsGapOptions.Arguments(onMetricsGap));
        return command;
    }
}
