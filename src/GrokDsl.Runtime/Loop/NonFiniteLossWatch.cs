using GrokDsl.Runtime.Engines;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Loop;

/// <summary>
/// Whether each run's training loss stayed finite at every step, without a host sync per step: each step's losses are
/// copied into a small buffer on the device (one copy kernel), which is read back in one transfer when a window of
/// <see cref="Window"/> steps ends, or earlier where the loop reads values anyway (a record). So the first non-finite
/// step is known exactly, at most <see cref="Window"/> − 1 steps later, instead of at the next evaluation.
/// </summary>
/// <param name="runs">How many runs the loop trains (the losses' length).</param>
public sealed class NonFiniteLossWatch(int runs) : IDisposable
{
    public const int Window = 10;

    Tensor? _buffer; // [Window, runs] float64, on the losses' device
    long _firstStep;
    int _count;

    /// <summary>
    /// Whether <paramref name="step"/> ends a window. Windows depend on the step alone, so a run that diverged stops
    /// at the same step alone, stacked or resumed.
    /// </summary>
    public static bool EndsWindow(long step) => step % Window == Window - 1;

    /// <summary>Keeps this step's losses ([runs], or a scalar for one run) on the device.</summary>
    public void Observe(long step, Tensor losses)
    {
        _buffer ??= zeros([Window, runs], ScalarType.Float64, device: losses.device).DetachFromDisposeScope();
        if (_count == 0) _firstStep = step;
        using var detached = losses.detach();
        using var row = _buffer[_count];
        row.copy_(detached);
        _count++;
    }

    /// <summary>Each run's first non-finite loss since the last read (its step and value), null where all were finite; empties the buffer.</summary>
    public (long Step, double Loss)?[] Read()
    {
        var found = new (long Step, double Loss)?[runs];
        if (_count == 0) return found;
        // Its own scope: a read also comes from a checkpoint, outside the step's scope.
        using var scope = NewDisposeScope();
        var values = Engine.ToDoubles(_buffer!.narrow(0, 0, _count));
        for (var i = 0; i < _count; i++)
            for (var r = 0; r < runs; r++)
                if (found[r] is null && !double.IsFinite(values[i * runs + r])) found[r] = (_firstStep + i, values[i * runs + r]);
        _count = 0;
        return found;
    }

    public void Dispose() => _buffer?.Dispose();
}
