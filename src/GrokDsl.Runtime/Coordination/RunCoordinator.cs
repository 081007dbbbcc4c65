using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Engines;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Loop;
using GrokDsl.Runtime.Planning;
using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Coordination;

/// <summary>What came of asking for a run: its directory and summary, and whether it trained, resumed or was reused.</summary>
/// <param name="Reused">True when a finished run with the same id already existed and nothing was trained.</param>
/// <param name="ResumedFromStep">The checkpoint step an unfinished run continued from, if it did.</param>
/// <param name="ReportProblem">Why report.html could not be written this time, or null when it was (or nothing was trained).</param>
public sealed record RunResult(RunDirectory Directory, RunSummary Summary, bool Reused, long? ResumedFromStep = null, string? ReportProblem = null);

/// <summary>
/// The one place runs are carried out, for every command that trains (run, sweep, sweep task, bench). It reuses
/// finished runs and resumes unfinished ones from their newest valid checkpoint, reloads plugins that changed between
/// runs, packs compatible runs into stacks when the placement says so, starts a run that throws again up to
/// <see cref="SweepPolicy.Retries"/> times, and takes each run directory through its life (<see cref="RunLifecycle"/>).
/// Components are created before anything is written, so a missing plugin or an invalid option leaves <c>runs/</c> untouched.
/// </summary>
/// <param name="device">The placement's device, when the caller selected it already (before loading anything that might load libtorch).</param>
/// <param name="terminal">Told of every run's progress; each run's log.txt gets the same (<see cref="RunLogObserver"/>).</param>
public sealed class RunCoordinator(PluginHost plugins, ITrainingObserver terminal, Placement? placement = null, SelectedDevice? device = null)
{
    // Named as the primary constructor's parameter was, so that every use below goes through the run logs.
    readonly ITrainingObserver observer = new RunLogObserver(terminal);

    readonly Placement _placement = placement ?? Placement.Cpu;
    SelectedDevice? _device = device;
    RunLifecycle? _lifecycle;
    Func<RunSpec, RunOrigin?> _originOf = static _ => null;

    /// <summary>The experiment's source file, recorded (with its git commit) in each run's environment.json.</summary>
    public string? ExperimentFile { get; init; }

    /// <summary>Writes a finished run's report.html; null writes none.</summary>
    public Action<RunDirectory>? WriteReport { get; init; }

    /// <summary>
    /// How runs that throw are retried within a sweep (a lone <see cref="Train(RunSpec, string, bool, RunControl)"/> is one attempt),
    /// and what a run whose metrics have a gap does.
    /// </summary>
    public SweepPolicy Policy { get; init; } = new();

    public ISweepLog Log { get; init; } = SilentSweepLog.Instance;
    /// <summary>The device runs train on, selected on first use (<see cref="Placement.SelectDevice"/>).</summary>
    public SelectedDevice Device => _device ??= _placement.SelectDevice();

    RunLifecycle Lifecycle => _lifecycle ??= new RunLifecycle(Device, observer, ExperimentFile, WriteReport);

    /// <summary>One attempt at one run, alone; throws what training throws, after marking the run failed.</summary>
    public RunResult Train(RunSpec spec, string runsRoot, bool force, CancellationToken cancellation) =>
        Train(spec, runsRoot, force, new RunControl(cancellation));

    /// <inheritdoc cref="Train(RunSpec, string, bool, CancellationToken)"/>
    public RunResult Train(RunSpec spec, string runsRoot, bool force, RunControl control) => Train(spec, runsRoot, force, control, origin: null);

    RunResult Train(RunSpec spec, string runsRoot, bool force, RunControl control, RunOrigin? origin)
    {
        var directory = RunDirectory.For(runsRoot, spec.Experiment.Id, spec.RunId);
        RunLifecycle.CheckStoredConfiguration(directory, spec);
        if (!force && RunLifecycle.FinishedSummary(directory, observer.OnWarning) is { } done)
            return new RunResult(directory, done, Reused: true);

        RefreshPlugins($"run {spec.Experiment.Id}/{spec.RunId}");
        using var pluginsInUse = plugins.Lease([spec.Dataset, spec.Model, .. spec.Measures]);
        using var components = TrainingComponents.Create(spec, plugins, Device.Device);
        var checkpoints = new CheckpointStore(directory.Path);
        if (force) checkpoints.Clear();
        var resumeFrom = ResumePoint.Choose(checkpoints, directory, spec, Policy.OnMetricsGap, observer.OnWarning);
        // A warm start's source is checked before the run directory is made: a missing or corrupt one refuses the run.
        var warmStart = resumeFrom is null && spec.Training.InitializeFrom is { } from ? WarmStart.Source(from, runsRoot) : null;
        Lifecycle.Begin(directory, spec, components, origin);

        LoopOutcome outcome;
        using (var metrics = resumeFrom is null ? MetricsFile.Create(directory.MetricsPath) : MetricsFile.Resume(directory.MetricsPath, resumeFrom.State.Step, observer.OnWarning))
        using (var run = new LoopRun(0, spec, components, metrics, checkpoints, resumeFrom, observer))
        {
            try
            {
                using var engine = new TorchSharpEngine(run, warmStart);
                new TrainingLoop([run], engine, observer).Run(control);
                outcome = run.Outcome();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Lifecycle.Fail(directory, spec, components, e, metrics.LastAppended, resumeFrom?.State, run.ReachedStep);
                throw;
            }
        }
        var summary = Lifecycle.Complete(directory, spec, outcome, components, out var reportProblem);
        return new RunResult(directory, summary, Reused: false, resumeFrom?.State.Step, reportProblem);
    }

    /// <summary>The runs of <paramref name="plan"/> at <paramref name="indices"/> (all of them when null), as the plan's placement says.</summary>
    public SweepResult Train(RunPlan plan, RunControl control, IReadOnlyList<int>? indices = null, Func<RunSpec, bool>? force = null) =>
        Train(plan.Runs, plan.RunsRoot, control, indices, force, plan.OriginOf);

    /// <summary>
    /// Several runs, in order: stacked where the placement stacks, else one by one with retries and --fail-fast.
    /// Failures become entries of the result, not exceptions; Ctrl+C leaves the runs after the current one not started.
    /// </summary>
    /// <param name="indices">Which of <paramref name="runs"/>, by index (entries carry it); all when null.</param>
    /// <param name="force">Which runs train again from scratch although they finished; none when null.</param>
    /// <param name="originOf">Where each run comes from, recorded in its run directory; unknown when null.</param>
    public SweepResult Train(IReadOnlyList<RunSpec> runs, string runsRoot, RunControl control, IReadOnlyList<int>? indices = null, Func<RunSpec, bool>? force = null,
        Func<RunSpec, RunOrigin?>? originOf = null)
    {
        var order = indices ?? [.. Enumerable.Range(0, runs.Count)];
        force ??= static _ => false;
        _originOf = originOf ?? (static _ => null);
        return _placement.Stack ? TrainStacked(runs, order, runsRoot, force, control) : TrainOneByOne(runs, order, runsRoot, force, control);
    }

    SweepResult TrainOneByOne(IReadOnlyList<RunSpec> runs, IReadOnlyList<int> order, string runsRoot, Func<RunSpec, bool> force, RunControl control)
    {
        var entries = new List<SweepEntry>();
        string? stopReason = null;
        foreach (var index in order)
        {
            var spec = runs[index];
            if (control.Stop.IsCancellationRequested) stopReason ??= "stopped by a signal";
            var entry = stopReason is null ? TrainWithRetries(index, spec, runsRoot, force(spec), control) : SweepEntry.NotStarted(index, spec.RunId, stopReason);
            entries.Add(entry);
            Log.OnRunEnded(entry, entries.Count, order.Count);
            if (stopReason is null && entry.Ended == RunStatus.Failed && Policy.FailFast) stopReason = $"--fail-fast after run {index} failed";
        }
        return new SweepResult(entries);
    }

    // A plugin error or a damaged run folder ends this attempt only; the checkpoints it wrote stay for the retry.
    SweepEntry TrainWithRetries(int index, RunSpec spec, string runsRoot, bool force, RunControl control)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return SweepEntry.Of(index, Train(spec, runsRoot, force && attempt == 1, control, _originOf(spec)), attempt);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A gap in the metrics is the same on every attempt: it takes the user's --rewind or --resume-anyway.
                var last = attempt > Policy.Retries || control.Stop.IsCancellationRequested || e is MetricsGapException;
                Log.OnAttemptFailed($"run {index} {spec.Experiment.Id}/{spec.RunId}", attempt, Policy.Retries + 1, e, retrying: !last);
                if (last) return SweepEntry.Failed(index, spec.RunId, Describe(e), attempt, SummaryOf(runsRoot, spec)?.FinalStep);
            }
        }
    }

    // The whole stacked attempt is retried when it throws: finished runs are then reused, the others resumed and packed
    // again, because after a failure their newest checkpoints may no longer share a step.
    SweepResult TrainStacked(IReadOnlyList<RunSpec> runs, IReadOnlyList<int> order, string runsRoot, Func<RunSpec, bool> force, RunControl control)
    {
        var name = $"run(s) {string.Join(',', order)} of {runs[order[0]].Experiment.Id}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (results, packing) = TrainStackedOnce([.. order.Select(i => runs[i])], runsRoot, attempt == 1 ? force : static _ => false, control);
                var entries = order.Select((index, position) => results[position] is { } result
                    ? SweepEntry.Of(index, result, attempt)
                    : SweepEntry.NotStarted(index, runs[index].RunId, "stopped by a signal")).ToList();
                foreach (var (entry, position) in entries.Select((e, p) => (e, p + 1))) Log.OnRunEnded(entry, position, entries.Count);
                return new SweepResult(entries, packing);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var last = attempt > Policy.Retries || control.Stop.IsCancellationRequested || e is MetricsGapException;
                Log.OnAttemptFailed(name, attempt, Policy.Retries + 1, e, retrying: !last);
                if (last) return new SweepResult([.. order.Select(index => AfterFailure(index, runs[index], runsRoot, Describe(e), attempt))]);
            }
        }
    }

    // A run that finished before the stack threw keeps its result; the others failed with the error.
    static SweepEntry AfterFailure(int index, RunSpec spec, string runsRoot, string error, int attempts) =>
        SummaryOf(runsRoot, spec) is { } s && s.IsFinished()
            ? new SweepEntry(index, s.RunId, s.Status, "finished before the error", attempts, s.FinalStep, s.GrokkedAtStep)
            : SweepEntry.Failed(index, spec.RunId, error, attempts, SummaryOf(runsRoot, spec)?.FinalStep);

    (RunResult?[] Results, StackPlan Packing) TrainStackedOnce(IReadOnlyList<RunSpec> specs, string runsRoot, Func<RunSpec, bool> force, RunControl control)
    {
        var results = new RunResult?[specs.Count];
        var pending = new List<RunSpec>();
        for (var i = 0; i < specs.Count; i++)
        {
            var directory = RunDirectory.For(runsRoot, specs[i].Experiment.Id, specs[i].RunId);
            RunLifecycle.CheckStoredConfiguration(directory, specs[i]);
            if (!force(specs[i]) && RunLifecycle.FinishedSummary(directory, observer.OnWarning) is { } done)
                results[i] = new RunResult(directory, done, Reused: true);
            else pending.Add(specs[i]);
        }

        RefreshPlugins($"{pending.Count} run(s) of {specs[0].Experiment.Id}");
        var packing = StackPlanner.Plan(pending, plugins, _placement.BudgetOn(Device), spec => force(spec) ? null : ResumeStep(spec, runsRoot, Policy.OnMetricsGap));
        Log.OnPacked(packing);
        var trained = new Dictionary<RunSpec, RunResult>(ReferenceEqualityComparer.Instance);
        foreach (var stack in packing.Stacks)
        {
            if (control.Stop.IsCancellationRequested) break;
            var stackResults = TrainStack(stack.Runs, runsRoot, resume: !stack.Runs.Any(force), control);
            for (var r = 0; r < stack.Runs.Count; r++) trained[stack.Runs[r]] = stackResults[r];
        }
        foreach (var alone in packing.Alone)
        {
            if (control.Stop.IsCancellationRequested) break;
            trained[alone.Run] = Train(alone.Run, runsRoot, force(alone.Run), control, _originOf(alone.Run));
        }
        for (var i = 0; i < specs.Count; i++)
            if (results[i] is null && trained.TryGetValue(specs[i], out var result)) results[i] = result;
        return (results, packing);
    }

    // The step a run's newest valid checkpoint would resume it from, for packing; its warnings come when it is loaded.
    static long? ResumeStep(RunSpec spec, string runsRoot, MetricsGapPolicy policy)
    {
        var directory = RunDirectory.For(runsRoot, spec.Experiment.Id, spec.RunId);
        return ResumePoint.Step(new CheckpointStore(directory.Path), directory, spec, policy);
    }

    /// <summary>
    /// Trains runs that <see cref="StackPlanner"/> found compatible as one stacked model; returns their results in order.
    /// With <paramref name="resume"/>, each continues from its newest valid checkpoint (they must all be at one step);
    /// otherwise they start over and their old checkpoints are removed.
    /// </summary>
    public IReadOnlyList<RunResult> TrainStack(IReadOnlyList<RunSpec> specs, string runsRoot, bool resume, RunControl control)
    {
        using var pluginsInUse = plugins.Lease(specs.SelectMany(s => new[] { s.Dataset, s.Model }.Concat(s.Measures)));
        var components = new List<TrainingComponents>();
        var runs = new List<LoopRun>();
        var metrics = new List<MetricsFile>();
        try
        {
            var rngStates = new List<string>();
            foreach (var spec in specs)
            {
                components.Add(TrainingComponents.Create(spec, plugins, Device.Device));
                rngStates.Add(RunCheckpoints.CurrentRngState());
            }
            using var model = StackedModels.Create(specs, components, plugins, Device.Device);

            var directories = specs.Select(s => RunDirectory.For(runsRoot, s.Experiment.Id, s.RunId)).ToList();
            // Every run's resume point first: a gap refused in one run leaves every directory of the stack untouched.
            var stores = directories.Select(d => new CheckpointStore(d.Path)).ToList();
            var resumePoints = new List<Checkpoint?>();
            for (var r = 0; r < specs.Count; r++)
            {
                if (!resume) stores[r].Clear();
                resumePoints.Add(ResumePoint.Choose(stores[r], directories[r], specs[r], Policy.OnMetricsGap, observer.OnWarning));
            }
            for (var r = 0; r < specs.Count; r++)
            {
                var resumeFrom = resumePoints[r];
                Lifecycle.Begin(directories[r], specs[r], components[r], _originOf(specs[r]));
                metrics.Add(resumeFrom is null ? MetricsFile.Create(directories[r].MetricsPath) : MetricsFile.Resume(directories[r].MetricsPath, resumeFrom.State.Step, observer.OnWarning));
                runs.Add(new LoopRun(r, specs[r], components[r], metrics[r], stores[r], resumeFrom, observer));
            }

            try
            {
                using var engine = new FlatAdamWEngine(runs, model, rngStates);
                new TrainingLoop(runs, engine, observer).Run(control);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                for (var r = 0; r < specs.Count; r++) Lifecycle.Fail(directories[r], specs[r], components[r], e, metrics[r].LastAppended, runs[r].ResumeFrom?.State, runs[r].ReachedStep);
                throw;
            }
            foreach (var file in metrics) file.Dispose();
            metrics.Clear();

            return [.. Enumerable.Range(0, specs.Count).Select(r =>
            {
                var summary = Lifecycle.Complete(directories[r], specs[r], runs[r].Outcome(), components[r], out var reportProblem);
                return new RunResult(directories[r], summary, Reused: false, runs[r].ResumeFrom?.State.Step, reportProblem);
            })];
        }
        finally
        {
            foreach (var file in metrics) file.Dispose();
            foreach (var run in runs) run.Dispose();
            foreach (var component in components) component.Dispose();
        }
    }

    // Hot reload happens here, between runs: plugin folders replaced since the last run load now, and each run's
    // lease keeps its plugins loaded until it ends (see PluginHost.Refresh).
    void RefreshPlugins(string nextRun)
    {
        if (plugins.Refresh() is { Changed: true } refresh) Log.OnPluginsChanged(nextRun, refresh);
    }

    static RunSummary? SummaryOf(string runsRoot, RunSpec spec)
    {
        try
        {
            return RunDirectory.For(runsRoot, spec.Experiment.Id, spec.RunId).ReadSummary();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException)
        {
            return null;
        }
    }

    static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
