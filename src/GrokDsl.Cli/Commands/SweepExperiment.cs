using GrokDsl.Cli.Launchers;

namespace GrokDsl.Cli.Commands;

/// <summary>Turns the sweep commands' experiment argument and overrides into a plan, or prints why it cannot.</summary>
static class SweepExperiment
{
    public static SweepPlan? Plan(ExperimentReference reference, string runsRoot, IEnumerable<string> pluginFolders) =>
        ExperimentArguments.Resolve(reference.Argument, reference.Id, reference.Sets, reference.Sweeps) is { } experiment
            ? SweepPlan.Create(experiment, reference, runsRoot, pluginFolders)
            : null;
}
