using System.Diagnostics;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Cli.Terminal;

/// <summary>
/// Progress as plain lines, for logs and redirected output (Slurm, CI): one line every few seconds
/// and one at memorization and grokking.
/// </summary>
sealed class PlainObserver(TextWriter output, TimeSpan interval) : ITrainingObserver
{
    readonly Stopwatch _sinceLastLine = Stopwatch.StartNew();
    long? _memorized, _grokked;

    public void OnStarted(RunSpec spec, RunDirectory directory) =>
        output.WriteLine($"run {spec.Experiment.Id}/{spec.RunId} -> {directory.Path}");

    public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
    {
        var milestone = tracker.MemorizedAtStep != _memorized || tracker.GrokkedAtStep != _grokked;
        if (!milestone && _sinceLastLine.Elapsed < interval) return;
        (_memorized, _grokked) = (tracker.MemorizedAtStep, tracker.GrokkedAtStep);
        _sinceLastLine.Restart();
        output.WriteLine(ProgressText.Describe(record, tracker));
    }

    public void OnMeasureFailed(string measureId, Exception error) =>
        output.WriteLine($"warning: measure '{measureId}' failed and is disabled for this run: {error.Message}");

    public void OnWarning(string message) => output.WriteLine($"warning: {message}");
}
