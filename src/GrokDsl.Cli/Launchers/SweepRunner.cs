using GrokDsl.Cli.Terminal;
using GrokDsl.Reporting;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Cli.Launchers;

/// <summary>
/// Trains some runs of a plan in this process, one after the other, through <see cref="RunExecutor"/>:
/// finished runs are reused, interrupted or failed ones resume from their newest checkpoint. Used by
/// the local launcher (every run) and by a scheduler's task (its runs). Progress is plain lines,
/// because under a scheduler the output is a log file.
/// </summary>
public sealed class SweepRunner(SweepPlan plan, PluginHost plugins, TextWriter output, TextWriter error, bool quiet)
{
    /// <summary>Trains the runs in order, stopping early when <paramref name="control"/> asks to stop; returns the exit code.</summary>
    public int Run(IEnumerable<int> runIndices, RunControl control)
    {
        var exitCode = ExitCodes.Ok;
        foreach (var index in runIndices)
        {
            if (control.Stop.IsCancellationRequested) return Math.Max(exitCode, ExitCodes.Interrupted);
            var spec = plan.Runs[index];
            try
            {
                var result = Executor().Execute(spec, plan.RunsRoot, force: false, control);
                Print(index, result);
                exitCode = Math.Max(exitCode, result.Summary.Status switch
                {
                    RunStatus.Diverged => ExitCodes.Diverged,
                    RunStatus.Interrupted => ExitCodes.Interrupted,
                    _ => ExitCodes.Ok,
                });
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A plugin error or a damaged run folder ends this run only; the task's other runs go on.
                error.WriteLine($"error: run {index} {spec.Experiment.Id}/{spec.RunId}: {e.GetType().Name}: {e.Message}");
                exitCode = Math.Max(exitCode, ExitCodes.Failed);
            }
        }
        return exitCode;
    }

    RunExecutor Executor()
    {
        var observer = quiet ? (ITrainingObserver)SilentObserver.Instance : new PlainObserver(output, TimeSpan.FromSeconds(10));
        return new RunExecutor(plugins, observer, WriteReport) { ExperimentFile = plan.Reference.File };
    }

    void WriteReport(RunDirectory directory)
    {
        // The report is a view of the run; failing to render it must not turn a finished run into a failed one.
        try
        {
            var reproduce = $"grokdsl run {string.Join(' ', plan.Reference.ToArguments())}";
            RunReportWriter.WriteTo(directory, RunReport.Load(directory, reproduce, plan.Experiment.Info.Source));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"warning: {directory.Path}: report not written: {e.Message}");
        }
    }

    void Print(int index, RunResult result)
    {
        var s = result.Summary;
        var how = result.Reused ? " (already finished)"
            : result.ResumedFromStep is { } step ? $" (resumed from the checkpoint at step {step})" : "";
        output.WriteLine($"run {index} {s.ExperimentId}/{s.RunId}: {s.Status.ToString().ToLowerInvariant()}{how}; {s.FinalStep} steps");
        if (!quiet) output.WriteLine($"  report: {result.Directory.ReportPath}");
    }
}
