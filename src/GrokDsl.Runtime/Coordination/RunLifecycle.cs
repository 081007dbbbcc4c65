using GrokDsl.Analysis;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Loop;

namespace GrokDsl.Runtime.Coordination;

/// <summary>
/// A run directory's life, the same for every run, alone or stacked: checked against its id, begun (configuration and
/// environment written, a stale summary removed), and completed (summary with its grokking analysis, then the report)
/// or marked failed.
/// </summary>
/// <param name="experimentFile">The experiment's source file, recorded (with its git commit) in each run's environment.json.</param>
/// <param name="writeReport">Writes a finished run's report.html; null writes none.</param>
sealed class RunLifecycle(SelectedDevice device, ITrainingObserver observer, string? experimentFile, Action<RunDirectory>? writeReport)
{
    public SelectedDevice Device => device;

    // The run id is the hash of the configuration: a stored configuration that hashes differently was edited by hand.
    public static void CheckStoredConfiguration(RunDirectory directory, RunSpec spec)
    {
        if (directory.ReadConfiguration() is not { } stored) return;
        string storedId;
        try
        {
            storedId = GrokDsl.Configuration.RunIds.FromStoredConfiguration(stored);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{directory.ConfigurationPath}: not valid JSON ({e.Message}); remove the run folder to start over.", e);
        }
        if (storedId != spec.RunId)
            throw new InvalidDataException(
                $"{directory.ConfigurationPath}: configuration does not match run id {spec.RunId} (it hashes to {storedId}); it was edited. Remove the run folder to start over.");
    }

    /// <summary>
    /// The stored summary of a run that needs no more training, else null; a damaged summary is rebuilt or set aside,
    /// with a warning (see <see cref="SummaryRecovery"/>).
    /// </summary>
    public static RunSummary? FinishedSummary(RunDirectory directory, Action<string> warn) => SummaryRecovery.FinishedSummary(directory, warn);

    // A summary left by an earlier attempt would claim a result this one has not reached: it goes before training starts.
    // TF32 is set here, just before training, because it is global to the process and the previous run may have changed it.
    /// <param name="origin">Where the run comes from (citation, reproducing command line); null when the caller does not know.</param>
    public void Begin(RunDirectory directory, RunSpec spec, TrainingComponents components, Planning.RunOrigin? origin)
    {
        Directory.CreateDirectory(directory.Path);
        File.Delete(directory.SummaryPath);
        var tf32 = Tf32.Apply(spec.Training, device);
        if (tf32.Note is not null) observer.OnWarning(tf32.Note);
        directory.WriteConfiguration(spec.Configuration);
        directory.WriteEnvironment(EnvironmentCapture.Capture(experimentFile, spec, components, device.Name, tf32) with
        {
            Citation = origin?.Citation,
            Reproduce = origin?.Reproduce,
        });
        observer.OnStarted(spec, directory);
    }

    /// <summary>Finishes a trained run's directory: the summary with its grokking analysis, then the report; returns the summary written.</summary>
    /// <param name="reportProblem">Why the report could not be written, or null.</param>
    public RunSummary Complete(RunDirectory directory, RunSpec spec, LoopOutcome outcome, TrainingComponents components, out string? reportProblem)
    {
        var summary = Summarize(spec, outcome, components);
        summary = summary with { Analysis = Analyze(directory, summary, spec.Training) };
        directory.WriteSummary(summary);
        reportProblem = WriteReportSafely(directory);
        observer.OnFinished(summary, directory);
        return summary;
    }

    /// <summary>
    /// A failed run's summary keeps the last step it is known to have reached: the step the loop was on, its last metrics
    /// record written, or the checkpoint it resumed from, whichever is furthest.
    /// </summary>
    /// <param name="reachedStep">The step the loop was on when it failed (<see cref="LoopRun.ReachedStep"/>).</param>
    public void Fail(RunDirectory directory, RunSpec spec, TrainingComponents components, Exception error, MetricRecord? lastRecord, CheckpointState? resumedFrom,
        long reachedStep = 0)
    {
        observer.OnFailed(spec, directory, error);
        directory.WriteSummary(new RunSummary
        {
            ExperimentId = spec.Experiment.Id,
            RunId = spec.RunId,
            Status = RunStatus.Failed,
            MemorizedAtStep = resumedFrom?.MemorizedAtStep,
            GrokkedAtStep = resumedFrom?.GrokkedAtStep,
            FinalStep = Math.Max(reachedStep, Math.Max(lastRecord?.Step ?? 0, resumedFrom?.Step ?? 0)),
            FinalTrainAccuracy = lastRecord?.TrainAccuracy ?? 0,
            FinalTestAccuracy = lastRecord?.TestAccuracy ?? 0,
            WallSeconds = lastRecord?.WallSeconds ?? resumedFrom?.WallSeconds ?? 0,
            StepsPerSecond = lastRecord is { WallSeconds: > 0 } r ? r.Step / r.WallSeconds : 0,
            Device = device.Name,
            Error = $"{error.GetType().Name}: {error.Message}",
            Plugins = components.PluginVersions,
            PluginBuilds = components.PluginBuilds,
        });
    }

    RunSummary Summarize(RunSpec spec, LoopOutcome outcome, TrainingComponents components) => new()
    {
        ExperimentId = spec.Experiment.Id,
        RunId = spec.RunId,
        Status = outcome.Status,
        MemorizedAtStep = outcome.Tracker.MemorizedAtStep,
        GrokkedAtStep = outcome.Tracker.GrokkedAtStep,
        FinalStep = outcome.FinalStep,
        FinalTrainAccuracy = outcome.FinalTrainAccuracy,
        FinalTestAccuracy = outcome.FinalTestAccuracy,
        WallSeconds = outcome.WallSeconds,
        StepsPerSecond = outcome.WallSeconds > 0 ? outcome.FinalStep / outcome.WallSeconds : 0,
        Device = device.Name,
        Divergence = outcome.Divergence,
        FailedMeasures = outcome.FailedMeasures,
        Plugins = components.PluginVersions,
        PluginBuilds = components.PluginBuilds,
    };

    // Grokking gap, transition sharpness and phases from the metrics just written; an analysis that cannot be
    // made costs the summary its analysis, not the run.
    RunAnalysis? Analyze(RunDirectory directory, RunSummary summary, Training training)
    {
        try
        {
            return RunAnalyses.Of(directory.ReadMetrics(out _), summary.MemorizedAtStep, summary.GrokkedAtStep, training.MemorizationThreshold);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            observer.OnWarning($"{directory.SummaryPath}: no grokking analysis ({e.GetType().Name}: {e.Message})");
            return null;
        }
    }

    // The run is done and stored by now; a report that fails to render costs a warning, not the run. Returns why it failed, or null.
    string? WriteReportSafely(RunDirectory directory)
    {
        try
        {
            writeReport?.Invoke(directory);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            observer.OnWarning($"{directory.ReportPath}: report not written ({e.GetType().Name}: {e.Message}); `grokdsl report {directory.Path}` retries");
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
