using GrokDsl.Analysis;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Runtime.Execution;

/// <summary>What came of asking for a run.</summary>
/// <param name="Reused">True when a finished run with the same id already existed and nothing was trained.</param>
/// <param name="ResumedFromStep">The checkpoint step an unfinished run continued from, if it did.</param>
/// <param name="ReportProblem">Why report.html could not be written this time, or null when it was (or nothing was trained).</param>
public sealed record RunResult(RunDirectory Directory, RunSummary Summary, bool Reused, long? ResumedFromStep = null, string? ReportProblem = null);

/// <summary>
/// Runs one <see cref="RunSpec"/> into its run directory. Components are created before anything
/// is written, so a missing plugin or invalid option leaves <c>runs/</c> untouched. A finished run
/// with the same id is reused unless <c>force</c> is set; an unfinished, interrupted or failed one
/// resumes from its newest valid checkpoint (or starts over when it has none).
/// </summary>
public sealed class RunExecutor(PluginHost plugins, ITrainingObserver observer, Action<RunDirectory>? writeReport = null)
{
    /// <summary>The experiment's source file, recorded (with its git commit) in each run's environment.json.</summary>
    public string? ExperimentFile { get; init; }

    /// <summary>Where runs train (see <see cref="Devices.DeviceSelection"/>); the CPU unless set.</summary>
    public Devices.SelectedDevice Device { get; init; } = Devices.SelectedDevice.Cpu;

    public RunResult Execute(RunSpec spec, string runsRoot, bool force, CancellationToken cancellation) =>
        Execute(spec, runsRoot, force, new RunControl(cancellation));

    public RunResult Execute(RunSpec spec, string runsRoot, bool force, RunControl control)
    {
        var directory = RunDirectory.For(runsRoot, spec.Experiment.Id, spec.RunId);
        CheckStoredConfiguration(directory, spec);
        if (!force && FinishedSummary(directory, observer.OnWarning) is { } done)
            return new RunResult(directory, done, Reused: true);

        // Hot reload happens here, between runs: plugin folders replaced since the last run load now, and the
        // lease keeps this run's plugins loaded until it ends (see PluginHost.Refresh).
        plugins.Refresh();
        using var pluginsInUse = plugins.Lease([spec.Dataset, spec.Model, .. spec.Measures]);
        using var components = TrainingComponents.Create(spec, plugins, Device.Device);
        var checkpoints = new CheckpointStore(directory.Path);
        if (force) checkpoints.Clear();
        var resumeFrom = checkpoints.LoadLatest(warning => observer.OnWarning(warning));

        Begin(directory, spec, components, ExperimentFile, Device, observer);
        observer.OnStarted(spec, directory);

        RunSummary summary;
        using (var trainer = new Trainer(spec, components, observer, checkpoints))
        using (var metrics = resumeFrom is null ? MetricsFile.Create(directory.MetricsPath) : MetricsFile.Resume(directory.MetricsPath, resumeFrom.State.Step, observer.OnWarning))
        {
            try
            {
                if (resumeFrom is not null) trainer.Restore(resumeFrom);
                var outcome = trainer.Run(metrics, control);
                summary = Summarize(spec, outcome, components, Device.Name);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                directory.WriteSummary(FailedSummary(spec, components, e, Device.Name, metrics.LastAppended, resumeFrom?.State));
                throw;
            }
        }

        summary = Complete(directory, summary, spec.Training, observer, writeReport, out var reportProblem);
        return new RunResult(directory, summary, Reused: false, resumeFrom?.State.Step, reportProblem);
    }

    /// <summary>
    /// The stored summary of a run that needs no more training (grokked, censored or diverged), else null; a damaged
    /// summary is rebuilt or set aside, with a warning (see <see cref="SummaryRecovery"/>).
    /// </summary>
    internal static RunSummary? FinishedSummary(RunDirectory directory, Action<string> warn) => SummaryRecovery.FinishedSummary(directory, warn);

    // A summary left by an earlier attempt would claim a result this one has not reached: it goes before training starts.
    // TF32 is set here, just before training, because it is global to the process and the previous run may have changed it.
    internal static void Begin(RunDirectory directory, RunSpec spec, TrainingComponents components, string? experimentFile,
        Devices.SelectedDevice device, ITrainingObserver observer)
    {
        Directory.CreateDirectory(directory.Path);
        File.Delete(directory.SummaryPath);
        var tf32 = Devices.Tf32.Apply(spec.Training, device);
        if (tf32.Note is not null) observer.OnWarning(tf32.Note);
        directory.WriteConfiguration(spec.Configuration);
        directory.WriteEnvironment(EnvironmentCapture.Capture(experimentFile, spec, components, device.Name, tf32));
    }

    /// <summary>
    /// Finishes a trained run's directory as every run gets it, alone or stacked: the summary with its grokking
    /// analysis, then the report; returns the summary written.
    /// </summary>
    internal static RunSummary Complete(RunDirectory directory, RunSummary summary, Training training, ITrainingObserver observer, Action<RunDirectory>? writeReport,
        out string? reportProblem)
    {
        summary = summary with { Analysis = Analyze(directory, summary, training, observer) };
        directory.WriteSummary(summary);
        reportProblem = WriteReportSafely(writeReport, observer, directory);
        observer.OnFinished(summary, directory);
        return summary;
    }

    // The run is done and stored by now; a report that fails to render costs a warning, not the run. Returns why it failed, or null.
    static string? WriteReportSafely(Action<RunDirectory>? writeReport, ITrainingObserver observer, RunDirectory directory)
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

    // The run id is the hash of the configuration: a stored configuration that hashes differently was edited by hand.
    internal static void CheckStoredConfiguration(RunDirectory directory, RunSpec spec)
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

    internal static RunSummary Summarize(RunSpec spec, TrainingOutcome outcome, TrainingComponents components, string device) => new()
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
        Device = device,
        Divergence = outcome.Divergence,
        FailedMeasures = outcome.FailedMeasures,
        Plugins = components.PluginVersions,
        PluginBuilds = components.PluginBuilds,
    };

    // Grokking gap, transition sharpness and phases from the metrics just written; an analysis that cannot be
    // made costs the summary its analysis, not the run.
    static RunAnalysis? Analyze(RunDirectory directory, RunSummary summary, Training training, ITrainingObserver observer)
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

    // The last step the run is known to have reached: its last metrics record written, else the checkpoint it resumed from.
    internal static RunSummary FailedSummary(RunSpec spec, TrainingComponents components, Exception error, string device,
        MetricRecord? lastRecord = null, CheckpointState? resumedFrom = null) => new()
    {
        ExperimentId = spec.Experiment.Id,
        RunId = spec.RunId,
        Status = RunStatus.Failed,
        MemorizedAtStep = resumedFrom?.MemorizedAtStep,
        GrokkedAtStep = resumedFrom?.GrokkedAtStep,
        FinalStep = Math.Max(lastRecord?.Step ?? 0, resumedFrom?.Step ?? 0),
        FinalTrainAccuracy = lastRecord?.TrainAccuracy ?? 0,
        FinalTestAccuracy = lastRecord?.TestAccuracy ?? 0,
        WallSeconds = lastRecord?.WallSeconds ?? resumedFrom?.WallSeconds ?? 0,
        StepsPerSecond = lastRecord is { WallSeconds: > 0 } r ? r.Step / r.WallSeconds : 0,
        Device = device,
        Error = $"{error.GetType().Name}: {error.Message}",
        Plugins = components.PluginVersions,
        PluginBuilds = components.PluginBuilds,
    };
}
