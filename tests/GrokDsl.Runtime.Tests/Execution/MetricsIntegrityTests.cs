using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Runtime.Tests.Execution;

/// <summary>
/// Resuming checks the metrics stream against the checkpoint resumed: a stream truncated mid-file or deleted in an
/// interrupted run is refused, naming the file and the way out, instead of being resumed past; --rewind goes back to
/// the last checkpoint the stream covers, --resume-anyway resumes with the gap.
/// </summary>
public sealed class MetricsIntegrityTests
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

    static RunResult Execute(string runs, ITrainingObserver observer, MetricsGapPolicy policy = MetricsGapPolicy.Refuse)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return new RunCoordinator(host, observer) { Policy = new SweepPolicy(OnMetricsGap: policy) }.Train(Spec, runs, force: false, CancellationToken.None);
    }

    static RunDirectory Directory(string runs) => RunDirectory.For(runs, Spec.Experiment.Id, Spec.RunId);

    // A run that stopped at step 25 (checkpoints at 10 and 20), its metrics then cut to the evaluations 0, 5 and 10.
    static RunDirectory InterruptedWithTruncatedMetrics(string runs)
    {
        Assert.Throws<IOException>(() => Execute(runs, new Recorder(throwAtStep: 25)));
        var directory = Directory(runs);
        var lines = File.ReadAllLines(directory.MetricsPath);
        File.WriteAllText(directory.MetricsPath, string.Join("\n", lines.Take(3)) + "\n");
        return directory;
    }

    static IEnumerable<object> Comparable(IEnumerable<MetricRecord> metrics) =>
        metrics.Select(m => (object)(m with { WallSeconds = 0, Measures = null }, string.Join(",", m.Measures?.Select(kv => $"{kv.Key}={kv.Value:R}") ?? [])));

    [Fact]
    public void AMetricsStreamTruncatedMidFile_IsRefusedOnResume_NamingTheFileAndTheWayOut_AndNothingIsWritten()
    {
        using var runs = new TempFolder();
        var directory = InterruptedWithTruncatedMetrics(runs.Path);
        var (metrics, summary) = (File.ReadAllText(directory.MetricsPath), File.ReadAllText(directory.SummaryPath));

        var error = Assert.Throws<MetricsGapException>(() => Execute(runs.Path, new Recorder()));

        Assert.StartsWith($"{directory.MetricsPath}: the metrics stream was truncated or damaged", error.Message);
        Assert.Contains("the checkpoint at step 20 implies 4 evaluation record(s)", error.Message);
        Assert.Contains("the last at step 10", error.Message);
        Assert.Contains("--rewind", error.Message);
        Assert.Contains("--resume-anyway", error.Message);
        Assert.Equal(metrics, File.ReadAllText(directory.MetricsPath));
        Assert.Equal(summary, File.ReadAllText(directory.SummaryPath));
    }

    [Fact]
    public void ADeletedMetricsStream_IsRefusedOnResume()
    {
        using var runs = new TempFolder();
        Assert.Throws<IOException>(() => Execute(runs.Path, new Recorder(throwAtStep: 25)));
        File.Delete(Directory(runs.Path).MetricsPath);

        var error = Assert.Throws<MetricsGapException>(() => Execute(runs.Path, new Recorder()));

        Assert.StartsWith($"{Directory(runs.Path).MetricsPath}: the metrics stream is missing", error.Message);
        Assert.Null(error.Gap.LastIntactStep);
    }

    [Fact]
    public void Rewind_ResumesFromTheLastCheckpointTheStreamCovers_AndEndsAsAnUninterruptedRun()
    {
        using var whole = new TempFolder();
        var reference = Execute(whole.Path, SilentObserver.Instance);
        using var runs = new TempFolder();
        InterruptedWithTruncatedMetrics(runs.Path);

        var recorder = new Recorder();
        var rewound = Execute(runs.Path, recorder, MetricsGapPolicy.Rewind);

        Assert.Equal(10, rewound.ResumedFromStep);
        Assert.Contains(recorder.Warnings, w => w.Contains("rewound (--rewind) to the checkpoint at step 10", StringComparison.Ordinal));
        Assert.Equal(Comparable(reference.Directory.ReadMetrics(out _)), Comparable(rewound.Directory.ReadMetrics(out _)));
        Assert.Equal(reference.Summary.FinalTestAccuracy, rewound.Summary.FinalTestAccuracy);
    }

    [Fact]
    public void ResumeAnyway_ResumesFromTheNewestCheckpoint_WithAWarning()
    {
        using var runs = new TempFolder();
        InterruptedWithTruncatedMetrics(runs.Path);

        var recorder = new Recorder();
        var resumed = Execute(runs.Path, recorder, MetricsGapPolicy.ResumeAnyway);

        Assert.Equal(20, resumed.ResumedFromStep);
        Assert.Contains(recorder.Warnings, w => w.Contains("Resuming anyway", StringComparison.Ordinal));
        Assert.DoesNotContain(resumed.Directory.ReadMetrics(out _), r => r.Step == 15);
    }

    [Fact]
    public void AnIntactStream_ResumesWithoutAWarning()
    {
        using var runs = new TempFolder();
        Assert.Throws<IOException>(() => Execute(runs.Path, new Recorder(throwAtStep: 25)));

        var recorder = new Recorder();
        var resumed = Execute(runs.Path, recorder);

        Assert.Equal(20, resumed.ResumedFromStep);
        Assert.Empty(recorder.Warnings);
    }
}
