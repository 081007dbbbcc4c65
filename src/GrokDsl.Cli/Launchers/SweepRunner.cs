using GrokDsl.Cli.Terminal;
using GrokDsl.Reporting;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Cli.Launchers;

/// <summary>
/// Trains some runs of a plan in this process, one after the other, through <see cref="RunExecutor"/>:
/// finished runs are reused, interrupted or failed ones resume from their newest checkpoint, and a run
/// that throws is started again up to <see cref="SweepPolicy.Retries"/> times. Used by the local
/// launcher (every run) and by a scheduler's task (its runs). Progress is plain lines, because under a
/// scheduler the output is a log file. <see cref="RunStacked"/> trains them stacked instead.
/// </summary>
public sealed class SweepRunner(SweepPlan plan, PluginHost plugins, TextWriter output, TextWriter error, bool quiet, SweepPolicy? policy = null)
{
    readonly SweepPolicy _policy = policy ?? new SweepPolicy();

    /// <summary>Trains the runs in order, stopping early when <paramref name="control"/> asks to stop or a run fails under --fail-fast.</summary>
    public SweepOutcome Run(IEnumerable<int> runIndices, RunControl control)
    {
        var indices = runIndices.ToList();
        var outcomes = new List<RunOutcome>();
        string? stopReason = null;
        foreach (var (index, position) in indices.Select((index, i) => (index, i + 1)))
        {
            var runId = plan.Runs[index].RunId;
            if (control.Stop.IsCancellationRequested) stopReason ??= "stopped by a signal";
            if (stopReason is not null)
            {
                outcomes.Add(RunOutcome.NotStarted(index, runId, stopReason));
                continue;
            }
            var outcome = RunWithRetries(index, $"[{position}/{indices.Count}]", control);
            outcomes.Add(outcome);
            if (outcome.Status == "failed" && _policy.FailFast) stopReason = $"--fail-fast after run {index} failed";
        }
        return new SweepOutcome(outcomes);
    }

    /// <summary>
    /// Trains the runs through <see cref="StackedSweepExecutor"/>: compatible ones together as stacked models, the
    /// others one by one. Finished runs are reused and unfinished ones resume from their checkpoints. When the executor
    /// throws, the whole call is retried (finished runs are then reused, the others resumed).
    /// </summary>
    public SweepOutcome RunStacked(IEnumerable<int> runIndices, RunControl control)
    {
        var indices = runIndices.ToList();
        var specs = indices.Select(i => plan.Runs[i]).ToList();
        var name = $"run(s) {string.Join(',', indices)} of {plan.ExperimentId}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                ReloadChangedPlugins(name);
                var executor = new StackedSweepExecutor(plugins, Observer(), WriteReport)
                {
                    ExperimentFile = plan.Reference.File,
                    Budget = plan.ConfiguredBudget,
                    OnPlanned = packing => { foreach (var line in packing.Describe()) output.WriteLine(line); },
                };
                var results = executor.Run(specs, plan.RunsRoot, force: false, control).Results
                    .GroupBy(r => r.Summary.RunId).ToDictionary(g => g.Key, g => g.First());
                var outcomes = indices.Select(i => results.TryGetValue(plan.Runs[i].RunId, out var result)
                    ? Describe(i, result, result.Reused ? 0 : attempt)
                    : RunOutcome.NotStarted(i, plan.Runs[i].RunId, "stopped by a signal")).ToList();
                foreach (var outcome in outcomes)
                    output.WriteLine($"run {outcome.Index} {plan.ExperimentId}/{outcome.RunId}: {outcome.Status} ({outcome.How}); {outcome.Steps} steps");
                return new SweepOutcome(outcomes);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var message = $"{e.GetType().Name}: {e.Message}";
                var last = attempt > _policy.Retries || control.Stop.IsCancellationRequested;
                error.WriteLine($"error: {name}, attempt {attempt} of {_policy.Retries + 1}: {message}" +
                                (last ? "" : "; retrying the unfinished runs from their checkpoints"));
                if (last) return new SweepOutcome([.. indices.Select(i => AfterFailure(i, message, attempt))]);
            }
        }
    }

    // A run that finished before the executor threw keeps its result; the others failed with the error.
    RunOutcome AfterFailure(int index, string message, int attempts) => plan.SummaryOf(index) is { } s && SweepPlan.IsFinal(s)
        ? new RunOutcome(index, s.RunId, SweepOutcome.StatusOf(s.Status), "finished before the error", attempts, s.FinalStep, s.GrokkedAtStep)
        : new RunOutcome(index, plan.Runs[index].RunId, "failed", message, attempts, plan.SummaryOf(index)?.FinalStep, null);

    RunOutcome RunWithRetries(int index, string position, RunControl control)
    {
        var spec = plan.Runs[index];
        var name = $"run {index} {spec.Experiment.Id}/{spec.RunId}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                ReloadChangedPlugins(name);
                var result = Executor().Execute(spec, plan.RunsRoot, force: false, control);
                var outcome = Describe(index, result, result.Reused ? 0 : attempt);
                output.WriteLine($"{position} {name}: {outcome.Status} ({outcome.How}); {outcome.Steps} steps");
                if (!quiet && !result.Reused) output.WriteLine(result.ReportProblem is { } problem ? $"  report not written: {problem}" : $"  report: {result.Directory.ReportPath}");
                return outcome;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A plugin error or a damaged run folder ends this attempt only; the checkpoints it wrote stay for the retry.
                var message = $"{e.GetType().Name}: {e.Message}";
                var last = attempt > _policy.Retries || control.Stop.IsCancellationRequested;
                error.WriteLine($"error: {position} {name}, attempt {attempt} of {_policy.Retries + 1}: {message}" +
                                (last ? "" : "; retrying from its newest checkpoint"));
                if (last) return new RunOutcome(index, spec.RunId, "failed", message, attempt, plan.SummaryOf(index)?.FinalStep, null);
            }
        }
    }

    // The executor refreshes too; doing it here first lets the sweep's log say which plugins changed between runs.
    void ReloadChangedPlugins(string nextRun)
    {
        if (plugins.Refresh() is { Changed: true } refresh)
            output.WriteLine($"plugins changed before {nextRun}: " + string.Join(", ",
                refresh.Added.Select(p => $"added {p.Id}").Concat(refresh.Reloaded.Select(p => $"reloaded {p.Id}")).Concat(refresh.Removed.Select(p => $"removed {p.Id}"))));
    }

    static RunOutcome Describe(int index, RunResult result, int attempts)
    {
        var s = result.Summary;
        var how = result.Reused ? "already finished"
            : result.ResumedFromStep is { } step ? $"resumed at step {step}" : "trained";
        return new RunOutcome(index, s.RunId, SweepOutcome.StatusOf(s.Status), how, attempts, s.FinalStep, s.GrokkedAtStep);
    }

    RunExecutor Executor() => new(plugins, Observer(), WriteReport) { ExperimentFile = plan.Reference.File };

    ITrainingObserver Observer() => quiet ? SilentObserver.Instance : new PlainObserver(output, TimeSpan.FromSeconds(10));

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
}
