using System.Text.Json;
using GrokDsl.Cli.Terminal;
using GrokDsl.Runs;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Cli.Launchers;

/// <summary>
/// Trains every run of the sweep in this process, in order, and ends with a table of the runs (or,
/// with <paramref name="json"/>, the same as JSON on the output and the progress on the error stream).
/// Launching again skips finished runs and resumes the rest; Ctrl+C checkpoints the current run and stops.
/// With <see cref="SweepPlan.Stack"/> the runs train stacked (<see cref="SweepRunner.RunStacked"/>).
/// </summary>
public sealed class LocalLauncher(TextWriter output, TextWriter error, bool quiet, SweepPolicy policy, bool json = false) : ISweepLauncher
{
    public int Launch(SweepPlan plan)
    {
        using var interruption = new Interruption();
        using var plugins = PluginHost.Load(PluginFolders.Default(plan.PluginFolders));
        var progress = json ? error : output;
        var finished = Enumerable.Range(0, plan.Runs.Count).Count(plan.IsFinished);
        progress.WriteLine($"{plan.ExperimentId}: {plan.Runs.Count} run(s), {finished} already finished; training the rest here{(plan.Stack ? ", stacked" : "")}");
        var runner = new SweepRunner(plan, plugins, progress, error, quiet, policy);
        var all = Enumerable.Range(0, plan.Runs.Count);
        var outcome = plan.Stack ? runner.RunStacked(all, interruption.Control) : runner.Run(all, interruption.Control);
        if (json) output.WriteLine(JsonSerializer.Serialize(new { plan.ExperimentId, outcome.ExitCode, outcome.Runs }, RunJson.Indented));
        else SweepTable.Write(outcome, output);
        return outcome.ExitCode;
    }
}
