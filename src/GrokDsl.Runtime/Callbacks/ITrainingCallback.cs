using System.Text.Json;
using GrokDsl.Runs;
using GrokDsl.Runtime.Loop;

namespace GrokDsl.Runtime.Callbacks;

/// <summary>
/// Something done around training that is not the training step itself (PyTorch Lightning's Callback): checkpoints,
/// progress measures, progress display. The loop calls every hook of every callback, run by run, through one
/// <see cref="CallbackDispatcher"/>, in the dispatcher's order. A callback with state names a <see cref="StateKey"/>:
/// its state is saved in every checkpoint under that key and restored when the run resumes.
/// </summary>
public interface ITrainingCallback
{
    /// <summary>The key of this callback's state in a checkpoint; null when it keeps none.</summary>
    string? StateKey => null;

    /// <summary>At the top of a step, before anything of it is computed (checkpoints hold the parameters after step - 1 updates).</summary>
    /// <param name="requested">A checkpoint was asked for from outside (SIGUSR1).</param>
    void OnStepStart(LoopRun run, long step, bool requested) { }

    /// <summary>Whether the run wants a metrics record at <paramref name="step"/> although it is not an evaluation.</summary>
    bool WantsRecord(LoopRun run, long step) => false;

    /// <summary>Values to add to the record of <paramref name="step"/> (before the update of that step); null for none.</summary>
    /// <param name="happened">The events of this step (memorized, grokked, the end), known before anything is measured.</param>
    IReadOnlyDictionary<string, double>? OnRecord(LoopRun run, long step, bool evaluated, MeasureEvents happened, Func<GrokDsl.Contracts.MeasureContext> context) => null;

    /// <summary>After the record is appended to the run's metrics stream.</summary>
    void OnRecorded(LoopRun run, MetricRecord record, bool evaluated) { }

    /// <summary>The run ended at <paramref name="step"/>: finished ("final"), interrupted ("interrupted") or diverged (null).</summary>
    void OnRunEnd(LoopRun run, long step, string? reason) { }

    JsonElement? SaveState(LoopRun run) => null;

    void LoadState(LoopRun run, JsonElement state) { }
}
