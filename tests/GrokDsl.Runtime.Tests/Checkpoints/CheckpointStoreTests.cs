using GrokDsl.Runtime.Checkpoints;

namespace GrokDsl.Runtime.Tests.Checkpoints;

/// <summary>The checkpoint folders themselves, without training: commit, verification, pruning, failed writes.</summary>
public sealed class CheckpointStoreTests
{
    static Checkpoint Save(CheckpointStore store, long step, params string[] events) =>
        store.Save(step,
            folder => File.WriteAllText(Path.Combine(folder, "model.bin"), $"weights at {step}"),
            checksums => new CheckpointState { Step = step, WallSeconds = step, TorchRngState = "", Events = events, Files = checksums });

    static List<string> Steps(CheckpointStore store) =>
        [.. Directory.GetDirectories(store.Folder).Select(folder => Path.GetFileName(folder)).Order(StringComparer.Ordinal)];

    [Fact]
    public void PruningKeepsTheLastNAndEveryCheckpointTaggedWithAnEvent()
    {
        using var run = new TempFolder();
        var store = new CheckpointStore(run.Path);
        Save(store, 100);
        Save(store, 200, "memorized");
        Save(store, 300);
        Save(store, 400, "grokked");
        Save(store, 500);
        Save(store, 600);

        store.Prune(keepLast: 2);

        Assert.Equal(["step-000000200", "step-000000400", "step-000000500", "step-000000600"], Steps(store));
        Assert.Equal(600, store.LoadLatest(_ => Assert.Fail("no warning expected"))!.State.Step);
    }

    [Fact]
    public void PruningAlsoKeepsWhatTheScheduleKeeps()
    {
        using var run = new TempFolder();
        var store = new CheckpointStore(run.Path);
        foreach (var step in new long[] { 100, 200, 300, 400, 500, 600 }) Save(store, step);

        store.Prune(keepLast: 1, new KeepCheckpointSchedule { Every = 200 });

        Assert.Equal(["step-000000200", "step-000000400", "step-000000600"], Steps(store));
        Assert.Equal([200L, 400, 600], store.Steps());
    }

    [Fact]
    public void PruningRemovesAnInterruptCheckpoint_OnceTheRunHasMovedPastIt()
    {
        using var run = new TempFolder();
        var store = new CheckpointStore(run.Path);
        Save(store, 100);
        Save(store, 137, "interrupted");
        Save(store, 200);

        store.Prune(keepLast: 2);
        Assert.Equal(["step-000000137", "step-000000200"], Steps(store));

        Save(store, 300, "final");
        store.Prune(keepLast: 2);
        Assert.Equal(["step-000000200", "step-000000300"], Steps(store));
    }

    [Fact]
    public void AWriteThatFailsMidwayLeavesNoFolderAndThePreviousCheckpointLoads()
    {
        using var run = new TempFolder();
        var store = new CheckpointStore(run.Path);
        Save(store, 100);

        // As a full disk would: the first file is written, the second fails.
        var error = Record.Exception(() => store.Save(200, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "model.bin"), "partial");
            throw new IOException("No space left on device");
        }, checksums => throw new InvalidOperationException("never sealed")));

        Assert.IsType<IOException>(error);
        Assert.Equal(["step-000000100"], Steps(store));
        Assert.Empty(Directory.GetDirectories(store.Folder, ".*"));
        var latest = store.LoadLatest(_ => Assert.Fail("no warning expected"))!;
        Assert.Equal(100, latest.State.Step);
        Assert.Equal("weights at 100", File.ReadAllText(latest.File("model.bin")));
    }

    [Fact]
    public void AFolderWithoutItsStateFileIsNeverLoaded()
    {
        using var run = new TempFolder();
        var store = new CheckpointStore(run.Path);
        Save(store, 100);
        Save(store, 200);
        File.Delete(Path.Combine(store.Folder, "step-000000200", CheckpointStore.StateFile));
        // A writer killed before its rename leaves a temporary folder behind.
        Directory.CreateDirectory(Path.Combine(store.Folder, ".step-000000300.999.tmp"));

        var warnings = new List<string>();
        var latest = store.LoadLatest(warnings.Add);

        Assert.Equal(100, latest!.State.Step);
        Assert.Contains("state.json is missing", Assert.Single(warnings));
        Assert.Empty(Directory.GetDirectories(store.Folder, ".*"));
    }

    [Fact]
    public void ATruncatedStateFileFallsBackToThePreviousCheckpointWithAWarning()
    {
        using var run = new TempFolder();
        var store = new CheckpointStore(run.Path);
        Save(store, 100);
        Save(store, 200);
        var state = Path.Combine(store.Folder, "step-000000200", CheckpointStore.StateFile);
        File.WriteAllText(state, File.ReadAllText(state)[..20]);

        var warnings = new List<string>();
        var latest = store.LoadLatest(warnings.Add);

        Assert.Equal(100, latest!.State.Step);
        var warning = Assert.Single(warnings);
        Assert.Contains("step-000000200", warning);
        Assert.Contains("not valid", warning);
    }
}
