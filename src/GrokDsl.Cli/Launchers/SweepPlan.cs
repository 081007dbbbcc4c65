using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GrokDsl.Runs;
using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Cli.Launchers;

/// <summary>
/// A sweep ready to launch: its runs in <see cref="IExperiment.ExpandSweep"/> order, where they are
/// stored, the plugin folders, and how the runs are packed into tasks.
/// </summary>
/// <param name="Stack">
/// Each task trains its runs together as one stacked model (<see cref="StackedSweepExecutor"/>) instead of
/// one after the other; see <see cref="WithStackedTasks"/>.
/// </param>
/// <param name="StackMemory">The memory budget per stack given with --stack-memory, in bytes; null: measured where the stacks train.</param>
public sealed record SweepPlan(
    IExperiment Experiment,
    ExperimentReference Reference,
    string RunsRoot,
    IReadOnlyList<string> PluginFolders,
    IReadOnlyList<RunSpec> Runs,
    IReadOnlyList<SweepTask> Tasks,
    bool Stack = false,
    long? StackMemory = null)
{
    /// <summary>Expands the sweep; paths become absolute because other processes, on other nodes, use them.</summary>
    public static SweepPlan Create(IExperiment experiment, ExperimentReference reference, string runsRoot, IEnumerable<string> pluginFolders)
    {
        var runs = experiment.ExpandSweep().Select(run => run.ToRunSpec()).ToList();
        return new SweepPlan(experiment, reference, Path.GetFullPath(runsRoot),
            [.. pluginFolders.Select(Path.GetFullPath)], runs, TaskLayout.OneRunPerTask(runs.Count));
    }

    /// <summary>
    /// The same sweep with one task per stack <see cref="StackPlanner"/> packs (and one per run it leaves
    /// alone), each task training its runs stacked. Returns the packing too, to show it.
    /// </summary>
    public (SweepPlan Plan, StackPlan Packing) WithStackedTasks(PluginHost plugins, StackingBudget budget)
    {
        var packing = StackPlanner.Plan(Runs, plugins, budget);
        return (this with { Tasks = TaskLayout.OneStackPerTask(Runs, packing), Stack = true }, packing);
    }

    /// <summary>The budget --stack-memory configured, or null to measure one where the stacks train.</summary>
    public StackingBudget? ConfiguredBudget => StackMemory is { } bytes ? StackingBudget.Configured(bytes) : null;

    public string ExperimentId => Experiment.Info.Id;

    /// <summary><c>&lt;runs&gt;/&lt;experiment-id&gt;/</c>: the runs, and the launchers' own files in dot-folders beside them.</summary>
    public string ExperimentFolder => RunDirectory.ExperimentFolder(RunsRoot, ExperimentId);

    /// <summary>
    /// A hash of the run ids in order. A task started later checks it, so an experiment file edited
    /// after submission fails loudly instead of training runs nobody asked for.
    /// </summary>
    public string Fingerprint => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Runs.Select(r => r.RunId)))))[..16];

    public RunDirectory DirectoryOf(int runIndex) => RunDirectory.For(RunsRoot, ExperimentId, Runs[runIndex].RunId);

    /// <summary>The run's summary, or null when it has none or it cannot be read.</summary>
    public RunSummary? SummaryOf(int runIndex)
    {
        try
        {
            return DirectoryOf(runIndex).ReadSummary();
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Finished the way <c>RunExecutor</c> reuses: grokked, censored or diverged. Interrupted and failed runs go again.</summary>
    public bool IsFinished(int runIndex) => IsFinal(SummaryOf(runIndex));

    public static bool IsFinal(RunSummary? summary) =>
        summary?.Status is RunStatus.Grokked or RunStatus.Censored or RunStatus.Diverged;
}
