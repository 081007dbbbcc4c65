using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// What `run`, the `sweep` commands and `check` refuse before anything trains: a run that names a dataset, model or
/// measure no plugin provides, sets an option its plugin rejects or a cadence for a measure it does not list, and
/// (not for `check`) a run whose resume would meet a gap in its metrics. Each problem is printed
/// once, with the first run it was found in and that run's swept settings; the command then exits with 2.
/// </summary>
static class Preflight
{
    /// <summary>Whether every run of <paramref name="plan"/> resolves; <paramref name="host"/> null loads the plan's plugin folders for the check.</summary>
    public static bool Passes(RunPlan plan, PluginHost? host = null)
    {
        using var loaded = host is null ? PluginHost.Load(PluginFolders.Default(plan.PluginFolders)) : null;
        var problems = RunPreflight.Check(plan.Runs, host ?? loaded!);
        foreach (var problem in problems)
        {
            var others = problem.Runs > 1 ? $" and {problem.Runs - 1} other run(s)" : "";
            Console.Error.WriteLine($"error: {plan.ExperimentId}: run {problem.RunIndex} of {plan.Runs.Count} ({Settings(plan, problem.RunIndex)}){others}: {problem.Message}");
        }
        return problems.Count == 0;
    }

    static string Settings(RunPlan plan, int index) =>
        plan.Origins[index].Swept is { Count: > 0 } swept
            ? string.Join(", ", swept)
            : $"run id {plan.Runs[index].RunId}";

    /// <summary>
    /// Whether every run of <paramref name="plan"/> about to resume can (<see cref="ResumePreflight"/>); each refused run
    /// is printed with its settings and the way out, and the command then exits with 2.
    /// </summary>
    public static bool ResumesPass(RunPlan plan, MetricsGapPolicy policy, IReadOnlyList<int>? indices = null, Func<RunSpec, bool>? force = null)
    {
        var problems = ResumePreflight.Check(plan, policy, indices, force);
        foreach (var problem in problems)
            Console.Error.WriteLine($"error: {plan.ExperimentId}: run {problem.RunIndex} of {plan.Runs.Count} ({Settings(plan, problem.RunIndex)}): {problem.Message}");
        return problems.Count == 0;
    }

    /// <summary>Warns of each sweep axis that changes no run (<see cref="UnreadSweepAxes"/>): a sweep that trains the same run over and over.</summary>
    public static void WarnOfUnreadAxes(RunPlan plan)
    {
        foreach (var axis in UnreadSweepAxes.Of(plan))
            Console.Error.WriteLine($"warning: {plan.ExperimentId}: the sweep over {axis} changes no run: no component reads it, so its values train the same runs");
    }
}
