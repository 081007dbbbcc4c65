using System.Text.Json;
using GrokDsl.Runs;
using GrokDsl.Runtime.Loop;

namespace GrokDsl.Runtime.Callbacks;

/// <summary>
/// Keeps a run's first non-finite training loss (<see cref="LoopRun.FirstNonFiniteLoss"/>) in its checkpoints, so a run
/// interrupted between that step and the end of its window names the same step after resuming, and stops where it
/// would have stopped. Healthy runs keep no state, so their checkpoints are unchanged.
/// </summary>
sealed class NonFiniteLossCallback : ITrainingCallback
{
    public string StateKey => "nonFiniteLoss";

    public JsonElement? SaveState(LoopRun run) =>
        run.FirstNonFiniteLoss is { } first ? JsonSerializer.SerializeToElement(new NonFiniteLossState(first.Step, first.Loss), RunJson.Indented) : null;

    public void LoadState(LoopRun run, JsonElement state)
    {
        if (state.Deserialize<NonFiniteLossState>(RunJson.Indented) is { } first) run.FirstNonFiniteLoss = (first.Step, first.Loss);
    }

    sealed record NonFiniteLossState(long Step, double Loss);
}
