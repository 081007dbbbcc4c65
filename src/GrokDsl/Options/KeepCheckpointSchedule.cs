namespace GrokDsl;

/// <summary>
/// Which checkpoints a run keeps beyond the newest <see cref="Training.KeepCheckpoints"/> and those of its events, so
/// that <c>grokdsl measure</c> can measure the whole run afterwards (Nanda et al.'s protocol reads every earlier
/// checkpoint with the final key frequencies). The rules combine: a checkpoint is kept when any of them keeps it.
/// Checkpoints are still written every <see cref="Training.CheckpointEvery"/> steps; this only decides which survive.
/// A checkpoint holds the model, the optimizer state (twice the model for AdamW) and small files: about three times
/// the parameter count × 4 bytes in float32 (docs/measures.md has figures).
/// </summary>
public sealed record KeepCheckpointSchedule
{
    /// <summary>Keep every checkpoint whose step is a multiple of this (0: off).</summary>
    [Range(Min = 0)]
    public long Every { get; init; }

    /// <summary>
    /// Keep log-spaced checkpoints (0: off): the first checkpoint in each interval [10^(i/n), 10^((i+1)/n)), n this
    /// value, and step 0. With checkpoints every 100 steps and n = 10, about ten kept per decade of steps.
    /// </summary>
    [Range(Min = 0)]
    public int PerDecade { get; init; }

    /// <summary>Keep every checkpoint.</summary>
    public bool All { get; init; }

    /// <summary>Every checkpoint, for runs short enough to keep them all.</summary>
    public static KeepCheckpointSchedule EveryCheckpoint { get; } = new() { All = true };

    /// <summary>The steps of <paramref name="steps"/> (committed checkpoints, in any order) that the schedule keeps.</summary>
    public IReadOnlySet<long> Kept(IEnumerable<long> steps)
    {
        var ordered = steps.Order().ToArray();
        if (All) return ordered.ToHashSet();
        var kept = new HashSet<long>();
        var buckets = new HashSet<long>();
        foreach (var step in ordered)
        {
            if (Every > 0 && step % Every == 0) kept.Add(step);
            if (PerDecade > 0 && buckets.Add(Bucket(step))) kept.Add(step);
        }
        return kept;
    }

    // Step 0 has a bucket of its own; step s ≥ 1 falls in ⌊n·log10 s⌋, nudged so that exact powers land where they belong.
    long Bucket(long step) => step <= 0 ? long.MinValue : (long)Math.Floor(PerDecade * Math.Log10(step) + 1e-9);
}
