namespace GrokDsl.Cli.Commands;

/// <summary>Turns a command's experiment argument and overrides into a plan, or prints why it cannot.</summary>
static class SweepExperiment
{
    public static RunPlan? Plan(ExperimentReference reference, string runsRoot, IEnumerable<string> pluginFolders, Placement? placement = null,
        long maxRuns = ExperimentInfo.DefaultMaxRuns, Verbosity verbosity = Verbosity.Normal)
    {
        if (ExperimentArguments.Resolve(reference.Argument, reference.Id, reference.Sets, reference.Sweeps, maxRuns, verbosity) is not { } experiment) return null;
        var plan = RunPlan.Create(experiment, reference, runsRoot, pluginFolders, placement);
        Preflight.WarnOfUnreadAxes(plan);
        return plan;
    }
}
