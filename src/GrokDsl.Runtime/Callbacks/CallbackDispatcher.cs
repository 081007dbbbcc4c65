using System.Text.Json;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Loop;

namespace GrokDsl.Runtime.Callbacks;

/// <summary>
/// Calls the training callbacks' hooks, always in the order given: the loop never calls a callback directly, so that
/// every run, alone or stacked, sees the same hooks in the same order.
/// </summary>
public sealed class CallbackDispatcher(IReadOnlyList<ITrainingCallback> callbacks)
{
    public void OnStepStart(LoopRun run, long step, bool requested)
    {
        foreach (var callback in callbacks) callback.OnStepStart(run, step, requested);
    }

    public bool WantsRecord(LoopRun run, long step) => callbacks.Any(c => c.WantsRecord(run, step));

    public Dictionary<string, double>? OnRecord(LoopRun run, long step, bool evaluated, MeasureEvents happened, Func<GrokDsl.Contracts.MeasureContext> context)
    {
        Dictionary<string, double>? values = null;
        foreach (var callback in callbacks)
            if (callback.OnRecord(run, step, evaluated, happened, context) is { } more)
            {
                values ??= [];
                foreach (var (name, value) in more) values[name] = value;
            }
        return values;
    }

    public void OnRecorded(LoopRun run, MetricRecord record, bool evaluated)
    {
        foreach (var callback in callbacks) callback.OnRecorded(run, record, evaluated);
    }

    public void OnRunEnd(LoopRun run, long step, string? reason)
    {
        foreach (var callback in callbacks) callback.OnRunEnd(run, step, reason);
    }

    /// <summary>The state of every callback that has one, by state key; null when none has.</summary>
    public IReadOnlyDictionary<string, JsonElement>? SaveState(LoopRun run)
    {
        Dictionary<string, JsonElement>? states = null;
        foreach (var callback in callbacks)
            if (callback.StateKey is { } key && callback.SaveState(run) is { } state) (states ??= [])[key] = state;
        return states;
    }

    /// <summary>Gives each callback with state what the checkpoint holds under its key.</summary>
    public void LoadState(LoopRun run, Checkpoint checkpoint)
    {
        if (checkpoint.State.Callbacks is not { } states) return;
        foreach (var callback in callbacks)
            if (callback.StateKey is { } key && states.TryGetValue(key, out var state)) callback.LoadState(run, state);
    }
}
