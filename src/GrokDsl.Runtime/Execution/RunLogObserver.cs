using System.Diagnostics;
using GrokDsl.Runs;

namespace GrokDsl.Runtime.Execution;

/// <summary>
/// Passes everything to the terminal's observer and writes what concerns a run to that run's <see cref="RunLog"/>: its
/// start and folder, progress lines as the plain terminal output shows them (the first evaluation, memorization,
/// grokking, then one every <see cref="ProgressInterval"/>), failed measures, warnings, and how it ended.
/// A warning goes to the run whose folder it names, else to every run in training; one given before its run started (a
/// checkpoint skipped, TF32 turned off, also while the runs of a stack begin one by one) goes to the next run that starts,
/// unless it names another run's folder.
/// </summary>
public sealed class RunLogObserver(ITrainingObserver terminal) : ITrainingObserver
{
    readonly Dictionary<string, OpenRun> _running = new(StringComparer.Ordinal);
    readonly List<string> _beforeStart = [];

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(10);

    public void OnStarted(RunSpec spec, RunDirectory directory)
    {
        // A retry of a run starts it again without its end having been seen: it keeps the log it has open.
        if (!_running.TryGetValue(spec.RunId, out var run)) _running[spec.RunId] = run = new OpenRun(directory, new RunLog(directory.Path));
        run.Log.Info($"run {spec.Experiment.Id}/{spec.RunId} -> {directory.Path}");
        foreach (var warning in _beforeStart.Where(w => !NamesAnotherRun(w, directory))) run.Log.Warning(warning);
        _beforeStart.Clear();
        terminal.OnStarted(spec, directory);
    }

    public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps) => terminal.OnEvaluated(record, tracker, maxSteps);

    public void OnEvaluated(RunSpec spec, MetricRecord record, GrokkingTracker tracker, long maxSteps)
    {
        if (_running.TryGetValue(spec.RunId, out var run) && run.IsWorthALine(tracker, ProgressInterval))
            run.Log.Info(ProgressText.Describe(record, tracker));
        terminal.OnEvaluated(spec, record, tracker, maxSteps);
    }

    public void OnMeasureFailed(string measureId, Exception error) => terminal.OnMeasureFailed(measureId, error);

    public void OnMeasureFailed(RunSpec spec, string measureId, Exception error)
    {
        if (_running.TryGetValue(spec.RunId, out var run))
            run.Log.Warning($"measure '{measureId}' failed and is disabled for this run: {error.GetType().Name}: {error.Message}");
        terminal.OnMeasureFailed(spec, measureId, error);
    }

    public void OnWarning(string message)
    {
        var named = _running.Values.Where(r => message.Contains(r.Directory.Path, StringComparison.Ordinal)).ToList();
        // About a run of the same experiment that has not started yet (the next of a stack): it waits for that run.
        var aboutAnother = named.Count == 0 && _running.Values.Any(r => NamesAnotherRun(message, r.Directory));
        var to = named.Count > 0 ? named : aboutAnother ? [] : [.. _running.Values];
        if (to.Count == 0) _beforeStart.Add(message);
        foreach (var run in to) run.Log.Warning(message);
        terminal.OnWarning(message);
    }

    public void OnFinished(RunSummary summary, RunDirectory directory)
    {
        if (_running.Remove(summary.RunId, out var run))
        {
            run.Log.Info($"finished: {Describe(summary)}");
            run.Log.Dispose();
        }
        terminal.OnFinished(summary, directory);
    }

    public void OnFailed(RunSpec spec, RunDirectory directory, Exception error)
    {
        if (_running.Remove(spec.RunId, out var run))
        {
            run.Log.Error($"failed: {error.GetType().Name}: {error.Message}", error);
            run.Log.Dispose();
        }
        terminal.OnFailed(spec, directory, error);
    }

    // The message names a folder beside this run's (runs/<experiment>/<other-run>), not this run's own.
    static bool NamesAnotherRun(string message, RunDirectory directory) =>
        !message.Contains(directory.Path, StringComparison.Ordinal)
        && Path.GetDirectoryName(directory.Path) is { } experimentFolder
        && message.Contains(experimentFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    static string Describe(RunSummary s) =>
        FormattableString.Invariant($"{s.Status.ToString().ToLowerInvariant()} at step {s.FinalStep}, memorized at {s.MemorizedAtStep?.ToString() ?? "-"}, ") +
        FormattableString.Invariant($"grokked at {s.GrokkedAtStep?.ToString() ?? "-"}, test accuracy {s.FinalTestAccuracy:P1}, {s.WallSeconds:0.0} s")
        + (s.Divergence is { } divergence ? $", diverged: {divergence}" : "");

    sealed class OpenRun(RunDirectory directory, RunLog log)
    {
        readonly Stopwatch _sinceLine = new();
        long? _memorized, _grokked;

        public RunDirectory Directory { get; } = directory;
        public RunLog Log { get; } = log;

        public bool IsWorthALine(GrokkingTracker tracker, TimeSpan interval)
        {
            var milestone = tracker.MemorizedAtStep != _memorized || tracker.GrokkedAtStep != _grokked;
            if (_sinceLine.IsRunning && !milestone && _sinceLine.Elapsed < interval) return false;
            (_memorized, _grokked) = (tracker.MemorizedAtStep, tracker.GrokkedAtStep);
            _sinceLine.Restart();
            return true;
        }
    }
}
