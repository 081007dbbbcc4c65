using System.Text.Json;
using GrokDsl.Cli.Terminal;
using GrokDsl.Runs;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Cli.Launchers;

/// <summary>
/// Trains every run of the plan in this process through the <see cref="RunCoordinator"/>, and ends with a table of the
/// runs (or, with <paramref name="json"/>, the same as JSON on the output and the progress on the error stream).
/// Launching again skips finished runs and resumes the rest; Ctrl+C checkpoints the current run and stops.
/// </summary>
public sealed class LocalLauncher(TextWriter output, TextWriter error, bool quiet, SweepPolicy policy, bool json = false) : ISweepLauncher
{
    public int Launch(RunPlan plan)
    {
        if (Commands.CommonOptions.SelectDevice(plan.Placement) is not { } device) return ExitCodes.InvalidExperiment;
        using var interruption = new Interruption();
        using var plugins = PluginHost.Load(PluginFolders.Default(plan.PluginFolders));
        if (!Commands.Preflight.Passes(plan, plugins) || !Commands.Preflight.ResumesPass(plan, policy.OnMetricsGap)) return ExitCodes.InvalidExperiment;
        var progress = json ? error : output;
        var coordinator = Coordinator(plan, device, plugins, progress, error, quiet, policy);
        var finished = Enumerable.Range(0, plan.Runs.Count).Count(plan.IsFinished);
        progress.WriteLine($"{plan.ExperimentId}: {plan.Runs.Count} run(s), {finished} already finished; training the rest here" +
                           $" on {coordinator.Device.Name}{(plan.Placement.Stack ? ", stacked" : "")}");
        var outcome = coordinator.Train(plan, interruption.Control);
        Commands.RunReports.WriteSweep(plan, "sweep", progress, error);
        if (json) output.WriteLine(JsonSerializer.Serialize(new { plan.ExperimentId, outcome.ExitCode, outcome.Runs }, RunJson.Indented));
        else SweepTable.Write(outcome, output);
        return outcome.ExitCode;
    }

    /// <summary>The coordinator a sweep's runs train through here and in a scheduler's task: plain-line progress, a report per run.</summary>
    public static RunCoordinator Coordinator(RunPlan plan, SelectedDevice device, PluginHost plugins, TextWriter output, TextWriter error, bool quiet, SweepPolicy policy) =>
        new(plugins, quiet ? SilentObserver.Instance : new PlainObserver(output, TimeSpan.FromSeconds(10)), plan.Placement, device)
        {
            ExperimentFile = plan.Reference.File,
            WriteReport = directory => Commands.RunReports.Write(directory),
            Policy = policy,
            Log = new SweepLogWriter(output, error, showReports: !quiet),
        };
}
