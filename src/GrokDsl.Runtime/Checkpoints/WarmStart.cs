namespace GrokDsl.Runtime.Checkpoints;

/// <summary>The checkpoint a warm-started run begins from (<see cref="InitializeFrom"/>); a missing or corrupt source refuses the run.</summary>
public static class WarmStart
{
    /// <exception cref="InvalidDataException">The source run or its checkpoint is missing or corrupt; the message names the path.</exception>
    public static Checkpoint Source(InitializeFrom from)
    {
        var folder = Path.GetFullPath(from.Run);
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
}
