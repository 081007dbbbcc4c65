using System.Runtime.InteropServices;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Cli.Terminal;

/// <summary>
/// Signals to run control. First SIGINT or SIGTERM: checkpoint, mark the run interrupted, stop
/// (exit code 130). A second SIGINT ends the process at once. SIGUSR1: checkpoint and carry on, for
/// schedulers that warn before they preempt a job.
/// </summary>
sealed class Interruption : IDisposable
{
    const PosixSignal SigUsr1 = (PosixSignal)10;

    readonly CancellationTokenSource _stop = new();
    readonly List<PosixSignalRegistration> _registrations = [];

    public Interruption()
    {
        Control = new RunControl(_stop.Token);
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnStop));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnStop));
        if (OperatingSystem.IsLinux()) _registrations.Add(PosixSignalRegistration.Create(SigUsr1, OnCheckpoint));
    }

    public RunControl Control { get; }

    public CancellationToken Token => _stop.Token;

    void OnStop(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested && context.Signal == PosixSignal.SIGINT) return; // second Ctrl+C: the default handler ends the process
        context.Cancel = true;
        Console.Error.WriteLine($"{context.Signal}: checkpointing and stopping (Ctrl+C again aborts at once)");
        _stop.Cancel();
    }

    void OnCheckpoint(PosixSignalContext context)
    {
        context.Cancel = true;
        Console.Error.WriteLine("SIGUSR1: writing a checkpoint at the next step");
        Control.RequestCheckpoint();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }
}
