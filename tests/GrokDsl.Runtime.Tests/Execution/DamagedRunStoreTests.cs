using GrokDsl.Runtime.Coordination;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Runtime.Tests.Execution;

/// <summary>
/// Running an experiment again over a damaged run store: a damaged summary is rebuilt where the checkpoints and metrics
/// allow, set aside where the run had not ended, and refused (naming the file) where neither tells; a torn metrics line
/// is reported; a failed run keeps the step it reached; the plugins' builds are recorded.
/// </summary>
public sealed class DamagedRunStoreTests
{
    static readonly RunSpec Spec = (new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Training = new() { EvaluateEvery = 5, MeasureEvery = 10, CheckpointEvery = 10 },
        Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
    }).ToRunSpec();

    sealed class Recorder(long? throwAtStep = null) : ITrainingObserver
    {
        public List<string> Warnings { get; } = [];

        public void OnWarning(string message) => Warnings.Add(message);

        public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
        {
            if (record.Step == throwAtStep) throw new IOException("No space left on device");
        }
    }

    static RunResult Execute(string runs, ITrainingObserver observer)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return new RunCoordinator(host, observer).Train(Spec, runs, force: false, CancellationToken.None);
    }

    static RunDirectory Directory(string runs) => RunDirectory.For(runs, Spec.Experiment.Id, Spec.RunId);

    [Fact]
    public void ADamagedSummaryOfAFinishedRun_IsRebuiltFromItsFinalCheckpointAndMetrics_WithAWarning()
    {
        using var runs = new TempFolder();
        var original = Execute(runs.Path, SilentObserver.Instance).Summary;
        File.WriteAllText(Directory(runs.Path).SummaryPath, "{ \"experimentId\": \"modular-add");

        var recorder = new Recorder();
        var again = Execute(runs.Path, recorder);

        Assert.True(again.Reused);
        Assert.Equal((original.Status, original.FinalStep, original.FinalTestAccuracy), (again.Summary.Status, again.Summary.FinalStep, again.Summary.FinalTestAccuracy));
        var warning = Assert.Single(recorder.Warnings);
        Assert.Contains($"{Directory(runs.Path).SummaryPath}: not valid JSON", warning);
        Assert.Contains("rebuilt it from the checkpoint at step 40 and the metrics", warning);
        Assert.Equal(original.Status, Directory(runs.Path).ReadSummary()!.Status);
        Assert.True(File.Exists(Directory(runs.Path).SummaryPath + SummaryRecovery.DamagedSuffix));
    }

    [Fact]
    public void ADamagedSummaryOfAnUnfinishedRun_IsSetAside_AndTheRunResumesFromItsNewestCheckpoint()
    {
        using var runs = new TempFolder();
        Assert.Throws<IOException>(() => Execute(runs.Path, new Recorder(throwAtStep: 25)));
        File.WriteAllText(Directory(runs.Path).SummaryPath, "");

        var recorder = new Recorder();
        var resumed = Execute(runs.Path, recorder);

        Assert.False(resumed.Reused);
        Assert.NotNull(resumed.ResumedFromStep);
        Assert.Equal(RunStatus.Censored, resumed.Summary.Status);
        Assert.Contains(recorder.Warnings, w => w.Contains($"{Directory(runs.Path).SummaryPath}: is empty", StringComparison.Ordinal)
                                                && w.Contains($"resumes from its checkpoint at step {resumed.ResumedFromStep}", StringComparison.Ordinal));
    }

    [Fact]
    public void ADamagedSummaryWithNothingToRebuildItFrom_IsRefused_NamingTheFile_AndLosesNothing()
    {
        using var runs = new TempFolder();
        Execute(runs.Path, SilentObserver.Instance);
        var directory = Directory(runs.Path);
        File.WriteAllText(directory.SummaryPath, "not json");
        System.IO.Directory.Delete(Path.Combine(directory.Path, "checkpoints"), recursive: true);
        var metrics = File.ReadAllText(directory.MetricsPath);

        var error = Assert.Throws<InvalidDataException>(() => Execute(runs.Path, new Recorder()));

        Assert.StartsWith($"{directory.SummaryPath}: not valid JSON", error.Message);
        Assert.Contains("cannot be rebuilt", error.Message);
        Assert.Equal(metrics, File.ReadAllText(directory.MetricsPath));
        Assert.Equal("not json", File.ReadAllText(directory.SummaryPath));
    }

    [Fact]
    public void ATornLastMetricsLine_IsReportedOnResume_NotSilentlyDropped()
    {
        using var runs = new TempFolder();
        Assert.Throws<IOException>(() => Execute(runs.Path, new Recorder(throwAtStep: 25)));
        File.AppendAllText(Directory(runs.Path).MetricsPath, "{\"step\":30,\"trainLoss\":0.");

        var recorder = new Recorder();
        Execute(runs.Path, recorder);

        Assert.Contains(recorder.Warnings, w => w.StartsWith($"{Directory(runs.Path).MetricsPath}: the last line is torn", StringComparison.Ordinal));
    }

    [Fact]
    public void AFailedRunsSummary_KeepsTheLastStepItReached()
    {
        using var runs = new TempFolder();

        Assert.Throws<IOException>(() => Execute(runs.Path, new Recorder(throwAtStep: 25)));

        var failed = Directory(runs.Path).ReadSummary()!;
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal(25, failed.FinalStep);
        Assert.Contains("No space left on device", failed.Error);
    }

    /// <summary>After the record of step 25, blocks the checkpoint of step 30 as a full disk would: its folder cannot be made.</summary>
    sealed class CheckpointBlocker(string checkpoints) : ITrainingObserver
    {
        public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
        {
            if (record.Step != 25) return;
            System.IO.Directory.CreateDirectory(checkpoints);
            File.WriteAllText(Path.Combine(checkpoints, $".step-000000030.{Environment.ProcessId}.tmp"), "in the way");
        }
    }

    [Fact]
    public void AFailedRunsSummary_KeepsTheStepItWasOn_BetweenItsRecords()
    {
        using var runs = new TempFolder();

        Assert.ThrowsAny<IOException>(() => Execute(runs.Path, new CheckpointBlocker(Path.Combine(Directory(runs.Path).Path, "checkpoints"))));

        var failed = Directory(runs.Path).ReadSummary()!;
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal(30, failed.FinalStep);
    }

    [Fact]
    public void EachPluginsBuildHash_IsRecordedWithItsVersion_InTheSummaryAndTheEnvironment()
    {
        using var runs = new TempFolder();
        using var host = TestPlugins.LoadBuiltIns();
        var mlp = host.PluginOf(ComponentKind.Model, "mlp");

        var result = Execute(runs.Path, SilentObserver.Instance);

        Assert.NotNull(mlp.Build);
        Assert.Equal(mlp.Build, result.Summary.PluginBuilds[mlp.Id]);
        Assert.Equal(mlp.Build, Directory(runs.Path).ReadSummary()!.PluginBuilds[mlp.Id]);
        Assert.Equal(mlp.Build, Directory(runs.Path).ReadEnvironment()!.PluginBuilds[mlp.Id]);
        Assert.Equal(result.Summary.Plugins.Keys.Order(), result.Summary.PluginBuilds.Keys.Order());
    }
}
