using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.PluginHostTests.Support;

/// <summary>Real runs, small enough to take well under a second: a+b mod 23, 20 full-batch steps, measures at 0, 10, 20.</summary>
static class TinyRuns
{
    public static RunSpec Spec(int seed, params string[] measures) => (new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Stopping = new() { MaxSteps = 20, StopAfterGrokking = false },
        Training = new() { EvaluateEvery = 5, MeasureEvery = 10 },
        Seed = seed,
        Measures = measures,
    }).ToRunSpec();

    public static RunResult Run(PluginHost host, RunSpec spec, string runs, ITrainingObserver? observer = null) =>
        new RunCoordinator(host, observer ?? SilentObserver.Instance).Train(spec, runs, force: false, CancellationToken.None);

    /// <summary>The measured values of one metric at every step it was measured.</summary>
    public static IReadOnlyList<(long Step, double Value)> Series(RunResult result, string metric) =>
        [.. result.Directory.ReadMetrics(out _)
            .Where(m => m.Measures is not null && m.Measures.ContainsKey(metric))
            .Select(m => (m.Step, m.Measures![metric]))];

    public static IReadOnlyList<long> MeasuredSteps(RunResult result) =>
        [.. result.Directory.ReadMetrics(out _).Where(m => m.Measures is not null).Select(m => m.Step)];
}

/// <summary>Keeps what a run reported as text only: holding a plugin's exception would keep its load context alive.</summary>
sealed class RecordingObserver : ITrainingObserver
{
    public List<string> MeasureFailures { get; } = [];

    public void OnMeasureFailed(string measureId, Exception error) => MeasureFailures.Add($"{measureId}: {error.Message}");
}
