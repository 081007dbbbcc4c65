using System.Text.Json;
using GrokDsl.Runs;
using GrokDsl.Runtime.Loop;

namespace GrokDsl.Runtime.Callbacks;

/// <summary>
/// The run's progress measures at their cadences (<see cref="Execution.MeasureSchedule"/>), on the step they are due,
/// with the parameters of that step. A measure that throws is disabled for the rest of the run; which ones are is this
/// callback's state, so a resumed run does not start a broken measure again.
/// </summary>
sealed class MeasuresCallback : ITrainingCallback
{
    public string StateKey => "measures";

    public bool WantsRecord(LoopRun run, long step) => run.Measures.AnyDueRegardless(step);

    public IReadOnlyDictionary<string, double>? OnRecord(LoopRun run, long step, bool evaluated, MeasureEvents happened, Func<GrokDsl.Contracts.MeasureContext> context) =>
        run.Measures.Measure(step, evaluated, happened, context);

    public JsonElement? SaveState(LoopRun run) =>
        run.Measures.Failures is { } failures ? JsonSerializer.SerializeToElement(new MeasuresState(failures), RunJson.Indented) : null;

    public void LoadState(LoopRun run, JsonElement state)
    {
        if (state.Deserialize<MeasuresState>(RunJson.Indented) is { Failed: { } failed }) run.Measures.DisableFailed(failed);
    }

    /// <param name="Failed">Measure id → "ExceptionType: message" of the measures disabled so far.</param>
    sealed record MeasuresState(IReadOnlyDictionary<string, string> Failed);
}
