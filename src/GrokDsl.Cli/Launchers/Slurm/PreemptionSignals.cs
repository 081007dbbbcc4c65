using System.Runtime.InteropServices;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary>
/// Signals in a scheduler's task. USR1 is Slurm's warning before the time limit (<c>--signal=B:USR1@N</c>):
/// checkpoint, stop, and ask to be requeued. SIGTERM and SIGINT (scancel, preemption, a node going
/// down) checkpoint and stop; whoever sent them decides whether the task comes back.
/// Unlike <c>grokdsl run</c>, where USR1 checkpoints and carries on, a task has no time left to carry on with.
/// </summary>
public sealed class PreemptionSignals : IDisposable
{
    const PosixSignal SigUsr1 = (PosixSignal)10;

    readonly CancellationTokenSource _stop = new();
    readonly List<PosixSignalRegistration> _registrations = [];
    readonly TextWriter _log;
    int _requeue;

    public PreemptionSignals(TextWriter log)
    {
        _log = log;
        Control = new RunControl(_stop.Token);
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnStop));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnStop));
        if (OperatingSystem.IsLinux()) _registrations.Add(PosixSignalRegistration.Create(SigUsr1, OnWarning));
    }

    public RunControl Control { get; }

    /// <summary>USR1 came: the task should go back in the queue once its run is checkpointed.</summary>
    public bool RequeueRequested => Volatile.Read(ref _requeue) == 1;

    void OnWarning(PosixSignalContext context)
    {
        context.Cancel = true;
        Interlocked.Exchange(ref _requeue, 1);
        _log.WriteLine("SIGUSR1: the time limit is near; checkpointing, then requeueing this task");
        _stop.Cancel();
    }

    void OnStop(PosixSignalContext context)
    {
        context.Cancel = true;
        _log.WriteLine($"{context.Signal}: checkpointing and stopping");
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }
}
