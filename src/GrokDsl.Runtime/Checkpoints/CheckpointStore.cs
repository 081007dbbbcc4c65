using System.Security.Cryptography;
using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Runtime.Checkpoints;

/// <summary>A committed checkpoint: its folder and its verified state.</summary>
public sealed record Checkpoint(string Folder, CheckpointState State)
{
    public string File(string name) => System.IO.Path.Combine(Folder, name);
}

/// <summary>
/// <c>checkpoints/step-NNNNNNNNN/</c> folders of a run. A checkpoint is written into a temporary
/// folder (each file flushed to disk), then renamed into place, so a folder with the final name is
/// complete. Loading verifies each file's checksum and falls back to the previous checkpoint, with a
/// warning, when one is corrupt or truncated.
/// </summary>
public sealed class CheckpointStore(string runFolder)
{
    public const string StateFile = "state.json";
    const string Prefix = "step-";

    public string Folder { get; } = Path.Combine(runFolder, "checkpoints");

    public bool Exists(long step) => Directory.Exists(PathOf(step));

    /// <summary>Writes a checkpoint: <paramref name="writeFiles"/> fills the folder, then the state and checksums seal it.</summary>
    public Checkpoint Save(long step, Action<string> writeFiles, Func<IReadOnlyDictionary<string, string>, CheckpointState> state)
    {
        Directory.CreateDirectory(Folder);
        var final = PathOf(step);
        var temp = Path.Combine(Folder, $".{Prefix}{step:D9}.{Environment.ProcessId}.tmp");
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);

        CheckpointState sealedState;
        try
        {
            writeFiles(temp);
            var checksums = Directory.EnumerateFiles(temp).ToDictionary(f => Path.GetFileName(f), f => Checksum(f));
            sealedState = state(checksums);
            AtomicFile.WriteAllText(Path.Combine(temp, StateFile), JsonSerializer.Serialize(sealedState, RunJson.Indented));
        }
        catch
        {
            // A full disk or I/O error mid-write: drop the half-written folder; the committed checkpoints stay as they were.
            TryDelete(temp);
            throw;
        }

        if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
        Directory.Move(temp, final);
        AtomicFile.FlushFolder(Folder);
        return new Checkpoint(final, sealedState);
    }

    /// <summary>The newest checkpoint that verifies; corrupt ones are reported through <paramref name="warn"/> and skipped.</summary>
    /// <param name="atOrBefore">Only checkpoints at this step or before count (a run rewound past a gap in its metrics).</param>
    public Checkpoint? LoadLatest(Action<string> warn, long? atOrBefore = null)
    {
        // Temporary folders are what a killed writer left behind: never committed, never loaded.
        if (Directory.Exists(Folder))
            foreach (var abandoned in Directory.EnumerateDirectories(Folder, "." + Prefix + "*"))
                Directory.Delete(abandoned, recursive: true);

        foreach (var folder in Committed().Reverse().Where(f => atOrBefore is not { } limit || StepOf(f) <= limit))
        {
            var problem = Verify(folder, out var state);
            if (problem is null) return new Checkpoint(folder, state!);
            warn($"{folder}: {problem}; using the previous checkpoint");
        }
        return null;
    }

    /// <summary>
    /// The checkpoint at <paramref name="step"/> (null: the newest), which must verify: for another run to start from,
    /// where falling back on an older one would start it somewhere nobody asked for.
    /// </summary>
    /// <exception cref="InvalidDataException">There is no such checkpoint, or it is corrupt; the message names the folder.</exception>
    public Checkpoint Load(long? step)
    {
        var committed = Committed().ToList();
        var folder = step is { } wanted ? PathOf(wanted) : committed.LastOrDefault();
        if (folder is null || !committed.Contains(folder))
            throw new InvalidDataException(step is null
                ? $"{Folder}: no checkpoint to start from"
                : $"{PathOf(step.Value)}: no checkpoint at step {step}; there are {(committed.Count == 0 ? "none" : string.Join(", ", committed.Select(Path.GetFileName)))}");
        var problem = Verify(folder, out var state);
        return problem is null ? new Checkpoint(folder, state!) : throw new InvalidDataException($"{folder}: {problem}");
    }

    /// <summary>
    /// The events that keep a checkpoint beyond the newest N (the README's retention rule). An "interrupted" one is
    /// only where a run stopped: once the run has moved past it, it goes like any other.
    /// </summary>
    public static IReadOnlySet<string> RetainedEvents { get; } = new HashSet<string>(StringComparer.Ordinal) { "memorized", "grokked", "final" };

    /// <summary>
    /// Keeps the newest <paramref name="keepLast"/> checkpoints, every one tagged with a <see cref="RetainedEvents">retained
    /// event</see>, and those <paramref name="schedule"/> keeps.
    /// </summary>
    public void Prune(int keepLast, KeepCheckpointSchedule? schedule = null)
    {
        var folders = Committed().ToList();
        var scheduled = schedule?.Kept(folders.Select(StepOf)) ?? new HashSet<long>();
        foreach (var folder in folders.Take(Math.Max(0, folders.Count - keepLast)))
        {
            if (scheduled.Contains(StepOf(folder))) continue;
            if (Verify(folder, out var state) is null && state!.Events.Any(RetainedEvents.Contains)) continue;
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The steps of the committed checkpoints, oldest first (whether they verify or not).</summary>
    public IReadOnlyList<long> Steps() => [.. Committed().Select(StepOf)];

    /// <summary>The checkpoint at <paramref name="step"/> when it verifies; otherwise null, with the problem naming its folder.</summary>
    public Checkpoint? TryLoad(long step, out string? problem)
    {
        var folder = PathOf(step);
        if (!Directory.Exists(folder))
        {
            problem = $"{folder}: no checkpoint at step {step}";
            return null;
        }
        var verified = Verify(folder, out var state);
        problem = verified is null ? null : $"{folder}: {verified}";
        return verified is null ? new Checkpoint(folder, state!) : null;
    }


    /// <summary>Removes the checkpoints after <paramref name="step"/>, for a run rewound to it: training writes them again.</summary>
    public void RemoveAfter(long step)
    {
        foreach (var folder in Committed().Where(f => StepOf(f) > step).ToList()) Directory.Delete(folder, recursive: true);
    }

    /// <summary>Removes every checkpoint, for a run that starts over.</summary>
    public void Clear()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for LoadLatest, which removes abandoned temporary folders.
        }
    }

    string PathOf(long step) => Path.Combine(Folder, $"{Prefix}{step:D9}");

    static long StepOf(string folder) => ParsedStep(folder)!.Value;

    // Null for a folder that only looks like a checkpoint's: it is not committed, so never loaded, pruned, rewound to or removed.
    static long? ParsedStep(string folder) =>
        long.TryParse(Path.GetFileName(folder).AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var step) ? step : null;

    IEnumerable<string> Committed() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateDirectories(Folder, Prefix + "*").Where(f => ParsedStep(f) is not null).Order(StringComparer.Ordinal)
            : [];

    static string? Verify(string folder, out CheckpointState? state)
    {
        state = null;
        var statePath = Path.Combine(folder, StateFile);
        if (!File.Exists(statePath)) return $"{StateFile} is missing";
        try
        {
            state = RunFile.ReadJson<CheckpointState>(statePath);
        }
        catch (DamagedRunFileException e)
        {
            return $"{StateFile} {e.Problem}";
        }
        if (state is null) return $"{StateFile} is missing";
        if (state.Format != CheckpointState.CurrentFormat) return $"format {state.Format} is not {CheckpointState.CurrentFormat}";
        foreach (var (name, expected) in state.Files)
        {
            var file = Path.Combine(folder, name);
            if (!File.Exists(file)) return $"{name} is missing";
            if (Checksum(file) != expected) return $"{name} does not match its checksum (corrupt or truncated)";
        }
        return null;
    }

    static string Checksum(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
