using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using Spectre.Console;

namespace GrokDsl.Cli.Terminal;

/// <summary>
/// Drives a Spectre.Console progress bar per run, one after the other: the run's folder (which ends in its run id), then
/// step, accuracies, loss, steps/s and ETA.
/// </summary>
sealed class ProgressBarObserver(ProgressContext context) : ITrainingObserver
{
    ProgressTask? _task;
    string _folder = "";

    public void OnStarted(RunSpec spec, RunDirectory directory)
    {
        _folder = Folder(directory);
        _task = context.AddTask(Markup.Escape(_folder), maxValue: spec.Stopping.MaxSteps);
    }

    public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
    {
        if (_task is null) return;
        _task.MaxValue = maxSteps;
        _task.Value = record.Step;
        _task.Description = Markup.Escape($"{_folder}  {ProgressText.Describe(record, tracker)}");
    }

    // Relative to where the command was started when the run is below it (runs/modular-addition/6818cb0e1f2a), else absolute.
    internal static string Folder(RunDirectory directory)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, directory.Path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? directory.Path : relative;
    }

    public void OnMeasureFailed(string measureId, Exception error) =>
        AnsiConsole.MarkupLineInterpolated($"[yellow]measure '{measureId}' failed and is disabled for this run: {error.Message}[/]");

    public void OnFinished(RunSummary summary, RunDirectory directory)
    {
        if (_task is not null) _task.Value = _task.MaxValue;
    }

    public void OnWarning(string message) => AnsiConsole.MarkupLineInterpolated($"[yellow]warning: {message}[/]");
}

/// <summary>Passes a run's progress to one observer, which a command can swap for another while it draws a progress display.</summary>
sealed class CurrentRunObserver(ITrainingObserver fallback) : ITrainingObserver
{
    readonly ITrainingObserver _fallback = fallback;
    ITrainingObserver _current = fallback;

    /// <summary>Sends everything to <paramref name="observer"/> until the returned handle is disposed.</summary>
    public IDisposable Use(ITrainingObserver observer)
    {
        _current = observer;
        return new Restore(this);
    }

    public void OnStarted(RunSpec spec, RunDirectory directory) => _current.OnStarted(spec, directory);
    public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps) => _current.OnEvaluated(record, tracker, maxSteps);
    public void OnMeasureFailed(string measureId, Exception error) => _current.OnMeasureFailed(measureId, error);
    public void OnWarning(string message) => _current.OnWarning(message);
    public void OnFinished(RunSummary summary, RunDirectory directory) => _current.OnFinished(summary, directory);

    sealed class Restore(CurrentRunObserver owner) : IDisposable
    {
        public void Dispose() => owner._current = owner._fallback;
    }
}
