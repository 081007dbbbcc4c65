using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Loop;

namespace GrokDsl.Runtime.Callbacks;

/// <summary>
/// Writes each run's checkpoints: every <see cref="Training.CheckpointEvery"/> steps, at the step after memorization and
/// grokking (tagged, so that pruning keeps them), when asked from outside, at the end, and at step 0 for a run with a
/// <see cref="Training.KeepCheckpointSchedule"/>. A checkpoint at step s holds
/// the state after s updates, taken before step s is evaluated, so a resumed run repeats nothing and skips nothing.
/// Which checkpoints stay is <see cref="RunCheckpoints"/>' decision.
/// </summary>
/// <param name="startStep">The loop's first step: the checkpoint there is the one just resumed from.</param>
/// <param name="snapshot">The run's state at a step, as the engine and the callbacks hold it.</param>
sealed class CheckpointCallback(long startStep, Func<LoopRun, long, RunSnapshot> snapshot) : ITrainingCallback
{
    public void OnStepStart(LoopRun run, long step, bool requested)
    {
        // With a keep schedule the initialization is checkpointed too, so that a post-hoc pass starts where training did.
        var initialization = step == 0 && run.Spec.Training.KeepCheckpointSchedule is not null;
        if (step > startStep && (step % run.Spec.Training.CheckpointEvery == 0 || run.Checkpoints.HasPendingEvents) || requested || initialization)
            run.Checkpoints.Write(step, null, snapshot(run, step));
    }

    public IReadOnlyDictionary<string, double>? OnRecord(LoopRun run, long step, bool evaluated, MeasureEvents happened, Func<GrokDsl.Contracts.MeasureContext> context)
    {
        run.Checkpoints.AddEvents(happened);
        return null;
    }

    public void OnRunEnd(LoopRun run, long step, string? reason)
    {
        if (reason is not null) run.Checkpoints.Write(step, reason, snapshot(run, step));
    }
}
