using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Runtime.Tests.Checkpoints;

public sealed class ResumeTests
{
    // Mini-batches, so the resumed run must also restore the sampler's generator and epoch order.
    static readonly RunSpec Spec = (new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Training = new() { BatchSize = 64, EvaluateEvery = 5, MeasureEvery = 10, CheckpointEvery = 10, KeepCheckpoints = 2 },
        Stopping = new() { MaxSteps = 60, StopAfterGrokking = false },
    }).ToRunSpec();

    /// <summary>Stops the run (as SIGINT would) once a given step has been evaluated.</summary>
    sealed class StopAt(long step, CancellationTokenSource stop) : ITrainingObserver
    {
        public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps)
        {
            if (record.Step >= step) stop.Cancel();
        }
    }

    static RunResult Execute(string runs, ITrainingObserver observer, CancellationToken stop = default)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return new RunCoordinator(host, observer).Train(Spec, runs, force: false, stop);
    }

    static IEnumerable<object> Comparable(IEnumerable<MetricRecord> metrics) =>
        metrics.Select(m => (object)(m with { WallSeconds = 0, Measures = null, }, string.Join(",", m.Measures?.Select(kv => $"{kv.Key}={kv.Value:R}") ?? [])));

    [Fact]
    public void AnInterruptedRunResumesBitIdenticalToAnUninterruptedOne()
    {
        using var whole = new TempFolder();
        using var split = new TempFolder();
        var reference = Execute(whole.Path, SilentObserver.Instance);

        using var stop = new CancellationTokenSource();
        var first = Execute(split.Path, new StopAt(27, stop), stop.Token);
        var second = Execute(split.Path, SilentObserver.Instance);

        Assert.Equal(RunStatus.Interrupted, first.Summary.Status);
        Assert.Equal(31, first.Summary.FinalStep); // evaluated 30 (≥ 27), then stopped at the top of step 31
        Assert.Equal(31, second.ResumedFromStep);
        Assert.Equal(reference.Summary.Status, second.Summary.Status);
        Assert.Equal(Comparable(reference.Directory.ReadMetrics(out _)), Comparable(second.Directory.ReadMetrics(out _)));
    }

    [Fact]
    public void ACorruptNewestCheckpointIsSkippedWithAWarningAndThePreviousOneIsUsed()
    {
        using var runs = new TempFolder();
        var directory = Execute(runs.Path, SilentObserver.Instance).Directory;
        var store = new CheckpointStore(directory.Path);
        var newest = Directory.GetDirectories(store.Folder).Order(StringComparer.Ordinal).Last();
        var model = Path.Combine(newest, "model.bin");
        File.WriteAllBytes(model, File.ReadAllBytes(model)[..100]);

        var warnings = new List<string>();
        var loaded = store.LoadLatest(warnings.Add);

        Assert.NotNull(loaded);
        Assert.NotEqual(newest, loaded!.Folder);
        var warning = Assert.Single(warnings);
        Assert.Contains(newest, warning);
        Assert.Contains("model.bin", warning);
    }

    [Fact]
    public void PruningKeepsTheNewestAndTheEventCheckpoints()
    {
        using var runs = new TempFolder();
        var directory = Execute(runs.Path, SilentObserver.Instance).Directory;
        var store = new CheckpointStore(directory.Path);

        var kept = Directory.GetDirectories(store.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        // Cadence 10, keep 2 → steps 50 and 60; 60 is also the "final" checkpoint. Memorization (if any) is kept too.
        Assert.Contains("step-000000050", kept);
        Assert.Contains("step-000000060", kept);
        Assert.DoesNotContain("step-000000010", kept.Where(k => !IsEventCheckpoint(store, k!)));
        Assert.All(kept, k => Assert.True(k == "step-000000050" || k == "step-000000060" || IsEventCheckpoint(store, k!), $"{k} should have been pruned"));
    }

    [Fact]
    public void AResumedRun_PrunesItsInterruptCheckpoint_ByTheRetentionRule()
    {
        using var runs = new TempFolder();
        using var stop = new CancellationTokenSource();
        var first = Execute(runs.Path, new StopAt(27, stop), stop.Token);
        var store = new CheckpointStore(first.Directory.Path);
        Assert.True(store.Exists(31));

        Execute(runs.Path, SilentObserver.Instance);

        // Keep 2: steps 50 and 60 (final), and the memorized/grokked ones; the interrupt checkpoint at 31 is neither.
        Assert.False(store.Exists(31));
        Assert.True(store.Exists(50) && store.Exists(60));
    }

    static bool IsEventCheckpoint(CheckpointStore store, string name) =>
        File.ReadAllText(Path.Combine(store.Folder, name, CheckpointStore.StateFile)).Contains("\"events\": [\n    \"", StringComparison.Ordinal);
}
