using GrokDsl.Cli.Terminal;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Cli.Launchers;

/// <summary>
/// Trains every run of the sweep in this process, in order, and ends with a table of the runs.
/// Launching again skips finished runs and resumes the rest; Ctrl+C checkpoints the current run and stops.
/// </summary>
public sealed class LocalLauncher(TextWriter output, TextWriter error, bool quiet, SweepPolicy policy) : ISweepLauncher
{
    public int Launch(SweepPlan plan)
    {
        using var interruption = new Interruption();
        using var plugins = PluginHost.Load(PluginFolders.Default(plan.PluginFolders));
        var finished = Enumerable.Range(0, plan.Runs.Count).Count(plan.IsFinished);
        output.WriteLine($"{plan.ExperimentId}: {plan.Runs.Count} run(s), {finished} already finished; training the rest here");
        var outcome = new SweepRunner(plan, plugins, output, error, quiet, policy).Run(Enumerable.Range(0, plan.Runs.Count), interruption.Control);
        SweepTable.Write(outcome, output);
        return outcome.ExitCode;
    }
}
