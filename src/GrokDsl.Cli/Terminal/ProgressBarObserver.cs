using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using Spectre.Console;

namespace GrokDsl.Cli.Terminal;

/// <summary>Drives a Spectre.Console progress bar: step, accuracies, loss, steps/s and ETA.</summary>
sealed class ProgressBarObserver(ProgressTask task) : ITrainingObserver
{
    public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
    {
        task.MaxValue = maxSteps;
        task.Value = record.Step;
        task.Description = Markup.Escape(ProgressText.Describe(record, tracker));
    }

    public void OnMeasureFailed(string measureId, Exception error) =>
        AnsiConsole.MarkupLineInterpolated($"[yellow]measure '{measureId}' failed and is disabled for this run: {error.Message}[/]");

    public void OnFinished(RunSummary summary, RunDirectory directory) => task.Value = task.MaxValue;

    public void OnWarning(string message) => AnsiConsole.MarkupLineInterpolated($"[yellow]warning: {message}[/]");
}
