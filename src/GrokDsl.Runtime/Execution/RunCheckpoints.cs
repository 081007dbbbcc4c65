using GrokDsl.Runtime.Checkpoints;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Execution;

/// <summary>What one checkpoint of a run holds: its three tensor files and the rest of its state.</summary>
/// <param name="WriteModel">Writes the run's own module (<c>Module.save</c>).</param>
/// <param name="WriteOptimizer">Writes the state dict of a TorchSharp optimizer over that module.</param>
/// <param name="WriteGradientTransforms">Writes the state of the run's gradient transforms, in their order.</param>
/// <param name="TorchRngState">torch's global generator state as the run left it (base64).</param>
/// <param name="CallbackStates">The training callbacks' state by state key (<see cref="Callbacks.ITrainingCallback.StateKey"/>); null when none has any.</param>
public sealed record RunSnapshot(
    Action<BinaryWriter> WriteModel, Action<BinaryWriter> WriteOptimizer, Action<BinaryWriter> WriteGradientTransforms,
    GrokkingTracker Tracker, double WallSeconds, string TorchRngState, SamplerState? Sampler,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? CallbackStates = null);

/// <summary>
/// A run's checkpoints in the one format that every step engine (<see cref="Engines.IStepEngine"/>) writes and reads, so a
/// run checkpointed either way resumes either way. Events (memorized, grokked) wait here for the next
/// checkpoint and tag it, so that pruning keeps it beyond the newest <c>keepLast</c>.
/// </summary>
sealed class RunCheckpoints(CheckpointStore store, int keepLast, KeepCheckpointSchedule? schedule = null)
{
    public const string ModelFile = "model.bin";
    public const string OptimizerFile = "optimizer.bin";
    public const string GradientTransformsFile = "gradient-transforms.bin";

    readonly List<string> _pendingEvents = [];

    public bool HasPendingEvents => _pendingEvents.Count > 0;

    /// <summary>Tags the next checkpoint with the run's first memorization and grokking, so pruning keeps it.</summary>
    public void AddEvents(MeasureEvents happened)
    {
        if (happened.HasFlag(MeasureEvents.Memorized)) _pendingEvents.Add("memorized");
        if (happened.HasFlag(MeasureEvents.Grokked)) _pendingEvents.Add("grokked");
    }

    /// <summary>
    /// Writes the checkpoint of <paramref name="step"/>, tagged with <paramref name="reason"/> and the pending events;
    /// an untagged one is skipped when the step already has a checkpoint (e.g. the one just resumed from).
    /// </summary>
    public void Write(long step, string? reason, RunSnapshot snapshot)
    {
        if (reason is not null) _pendingEvents.Add(reason);
        if (store.Exists(step) && _pendingEvents.Count == 0) return;
        var events = _pendingEvents.ToList();
        _pendingEvents.Clear();
        store.Save(step, folder =>
        {
            WriteDurably(Path.Combine(folder, ModelFile), snapshot.WriteModel);
            WriteDurably(Path.Combine(folder, OptimizerFile), snapshot.WriteOptimizer);
            WriteDurably(Path.Combine(folder, GradientTransformsFile), snapshot.WriteGradientTransforms);
        }, checksums => new CheckpointState
        {
            Step = step,
            MemorizedAtStep = snapshot.Tracker.MemorizedAtStep,
            GrokkedAtStep = snapshot.Tracker.GrokkedAtStep,
            WallSeconds = snapshot.WallSeconds,
            TorchRngState = snapshot.TorchRngState,
            Sampler = snapshot.Sampler,
            Events = events,
            Callbacks = snapshot.CallbackStates,
            Files = checksums,
        });
        store.Prune(keepLast, schedule);
    }

    /// <summary>Loads a checkpoint's model file into <paramref name="model"/>.</summary>
    public static void ReadModel(Checkpoint checkpoint, nn.Module model)
    {
        using var stream = File.OpenRead(checkpoint.File(ModelFile));
        model.load(stream);
    }

    /// <summary>Loads a checkpoint's optimizer file into an optimizer over the run's own module.</summary>
    public static void ReadOptimizer(Checkpoint checkpoint, OptimizerHelper optimizer)
    {
        using var reader = new BinaryReader(File.OpenRead(checkpoint.File(OptimizerFile)));
        optimizer.load_state_dict(reader);
    }

    /// <summary>Opens a checkpoint's gradient-transform state, to be read transform by transform.</summary>
    public static BinaryReader OpenGradientTransforms(Checkpoint checkpoint) =>
        new(File.OpenRead(checkpoint.File(GradientTransformsFile)));

    /// <summary>torch's global generator state now, as a checkpoint stores it.</summary>
    public static string CurrentRngState()
    {
        using var rng = get_rng_state();
        return Convert.ToBase64String(rng.bytes);
    }

    // TorchSharp's own save methods write in place without flushing to disk; the checkpoint commit needs both.
    static void WriteDurably(string path, Action<BinaryWriter> write)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
            writer.Flush();
        }
        stream.Flush(flushToDisk: true);
    }
}
