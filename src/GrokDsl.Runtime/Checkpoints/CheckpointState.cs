namespace GrokDsl.Runtime.Checkpoints;

/// <summary>
/// <c>state.json</c> of a checkpoint: everything besides the tensors that a resumed run needs to
/// continue exactly where it stopped, and the checksums of the tensor files.
/// </summary>
public sealed record CheckpointState
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>Updates applied so far; the run resumes by evaluating this step.</summary>
    public required long Step { get; init; }

    public long? MemorizedAtStep { get; init; }
    public long? GrokkedAtStep { get; init; }

    /// <summary>Training wall time before this checkpoint, so resumed runs report their total.</summary>
    public required double WallSeconds { get; init; }

    /// <summary>torch's global CPU generator state (base64).</summary>
    public required string TorchRngState { get; init; }

    /// <summary>The mini-batch sampler's position in its epoch order, when the run uses mini-batches.</summary>
    public SamplerState? Sampler { get; init; }

    /// <summary>Why this checkpoint is kept beyond the last N: "memorized", "grokked", "final", "interrupted".</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>
    /// The state of the training callbacks that have one (<see cref="Callbacks.ITrainingCallback.StateKey"/>), by state key;
    /// left out while no callback has state, so that checkpoints from before it existed read the same.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Callbacks { get; init; }

    /// <summary>SHA-256 (hex) of every other file in the checkpoint, by file name.</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }
}

/// <summary>Where a mini-batch sampler stands: its generator, the current epoch order and the next position.</summary>
public sealed record SamplerState(string GeneratorState, long[]? Order, long Position);
