namespace GrokDsl.Runtime.Execution;

/// <summary>
/// Requests from outside the training loop (signal handlers, schedulers): stop after writing a
/// checkpoint, or write a checkpoint and carry on. The loop polls it at the top of every step.
/// </summary>
public sealed class RunControl
{
    int _checkpointRequested;

    public RunControl(CancellationToken stop = default) => Stop = stop;

    /// <summary>Cancelled when the run should checkpoint and end as interrupted.</summary>
    public CancellationToken Stop { get; }

    public static RunControl None { get; } = new();

    /// <summary>Ask for a checkpoint at the next step (e.g. on SIGUSR1, before a scheduler preempts the job).</summary>
    public void RequestCheckpoint() => Interlocked.Exchange(ref _checkpointRequested, 1);

    internal bool TakeCheckpointRequest() => Interlocked.Exchange(ref _checkpointRequested, 0) == 1;
}
