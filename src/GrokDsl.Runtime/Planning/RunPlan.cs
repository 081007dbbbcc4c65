using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GrokDsl.Runs;
using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Planning;

/// <summary>
/// What one invocation trains: the experiment's runs in <see cref="IExperiment.ExpandSweep"/> order, expanded and
/// hashed once, with where each comes from (<see cref="RunOrigin"/>), where they are stored, the plugin folders, where they train (<see cref="Placement"/>) and how a
/// scheduler packs them into tasks. Every command that trains (run, sweep, sweep task, bench) starts from one.
/// </summary>
public sealed record RunPlan(
    IExperiment Experiment,
    ExperimentReference Reference,
    string RunsRoot,
    IReadOnlyList<string> PluginFolders,
    IReadOnlyList<RunSpec> Runs,
    IReadOnlyList<SweepTask> Tasks,
    Placement Placement,
    IReadOnlyList<RunOrigin> Origins)
{
    /// <summary>Expands the sweep; paths become absolute because other processes, on other nodes, use them.</summary>
    public static RunPlan Create(IExperiment experiment, ExperimentReference reference, string runsRoot, IEnumerable<string> pluginFolders,
        Placement? placement = null)
    {
        var expanded = experiment.ExpandSweep();
        var runs = expanded.Select(run => run.ToRunSpec()).ToList();
        return new RunPlan(experiment, reference, Path.GetFullPath(runsRoot),
            [.. pluginFolders.Select(Path.GetFullPath)], runs, TaskLayout.OneRunPerTask(runs.Count), placement ?? Placement.Cpu,
            [.. expanded.Select(run => RunOrigin.For(reference, experiment, run))]);
    }

    /// <summary>
    /// The same plan with one task per stack <see cref="StackPlanner"/> packs (and one per run it leaves
    /// alone), each task training its runs stacked. Returns the packing too, to show it.
    /// </summary>
    public (RunPlan Plan, StackPlan Packing) WithStackedTasks(PluginHost plugins, StackingBudget budget)
    {
        var packing = StackPlanner.Plan(Runs, plugins, budget);
        return (this with { Tasks = TaskLayout.OneStackPerTask(Runs, packing), Placement = Placement with { Stack = true } }, packing);
    }

    public string ExperimentId => Experiment.Info.Id;

    /// <summary>Where a run of this plan comes from (citation, reproducing command line), for its run directory; null for another run.</summary>
    public RunOrigin? OriginOf(RunSpec run)
    {
        for (var i = 0; i < Runs.Count; i++)
            if (Runs[i].RunId == run.RunId) return Origins[i];
        return null;
    }

    /// <summary><c>&lt;runs&gt;/&lt;experiment-id&gt;/</c>: the runs, and the launchers' own files in dot-folders beside them.</summary>
    public string ExperimentFolder => Path.Combine(RunsRoot, ExperimentId);

    /// <summary>
    /// A hash of the run ids in order. A task started later checks it, so an experiment file edited
    /// after submission fails loudly instead of training runs nobody asked for.
    /// </summary>
    public string Fingerprint => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Runs.Select(r => r.RunId)))))[..16];

    /// <summary>This invocation's sweep manifest: its runs and the command (<paramref name="command"/>, e.g. "sweep") that runs them again.</summary>
    public SweepManifest Manifest(string command) =>
        new(Fingerprint, ExperimentId, DateTimeOffset.UtcNow, [command, .. Reference.ToArguments()], [.. Runs.Select(r => r.RunId)]);

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

    /// <summary>Whether the run needs no more training (<see cref="RunStatusRules.IsFinished(RunSummary?)"/>).</summary>
    public bool IsFinished(int runIndex) => SummaryOf(runIndex).IsFinished();
}
