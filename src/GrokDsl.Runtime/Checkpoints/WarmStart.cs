using GrokDsl.Runs;

namespace GrokDsl.Runtime.Checkpoints;

/// <summary>The checkpoint a warm-started run begins from (<see cref="InitializeFrom"/>); a missing or corrupt source refuses the run.</summary>
public static class WarmStart
{
    /// <param name="runsRoot">The runs folder the warm-started run trains in, which an <c>@experiment-id/run-id</c> source is relative to.</param>
    /// <exception cref="InvalidDataException">The source run or its checkpoint is missing or corrupt; the message names the path.</exception>
    public static Checkpoint Source(InitializeFrom from, string runsRoot)
    {
        var folder = Folder(from, runsRoot);
        if (!Directory.Exists(folder))
            throw new InvalidDataException($"Training.InitializeFrom: {folder}: no such run directory");
        try
        {
            return new CheckpointStore(folder).Load(from.Step);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Training.InitializeFrom: {e.Message}", e);
        }
    }

    // A run-folder reference goes through RunDirectory like every path made from ids, so it cannot leave the runs folder.
    static string Folder(InitializeFrom from, string runsRoot)
    {
        if (!from.Run.StartsWith(InitializeFrom.InRunsFolder, StringComparison.Ordinal)) return Path.GetFullPath(from.Run);
        if (from.Run[InitializeFrom.InRunsFolder.Length..].Split('/') is not [var experimentId, var runId])
            throw new InvalidDataException($"Training.InitializeFrom: '{from.Run}': expected {InitializeFrom.InRunsFolder}<experiment-id>/<run-id>");
        try
        {
            return RunDirectory.For(runsRoot, experimentId, runId).Path;
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Training.InitializeFrom: '{from.Run}': {e.Message}", e);
        }
    }
}
