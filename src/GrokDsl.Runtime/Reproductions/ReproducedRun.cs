using GrokDsl.Runs;

namespace GrokDsl.Runtime.Reproductions;

/// <summary>One run of a reproduction variant: its configuration and, once it has run, its stored results.</summary>
/// <param name="Summary">Null while the run has not finished.</param>
public sealed record ReproducedRun(IExperiment Experiment, RunDirectory Directory, RunSummary? Summary, IReadOnlyList<MetricRecord> Metrics)
{
    /// <summary>Every run of <paramref name="variant"/>'s sweep, read from <paramref name="runsRoot"/> by run id.</summary>
    public static IReadOnlyList<ReproducedRun> Load(IExperiment variant, string runsRoot) =>
    [
        .. variant.ExpandSweep().Select(run =>
        {
            var spec = run.ToRunSpec();
            var directory = RunDirectory.For(runsRoot, spec.Experiment.Id, spec.RunId);
            var summary = directory.ReadSummary();
            return new ReproducedRun(run, directory, summary, summary is null ? [] : directory.ReadMetrics(out _));
        }),
    ];

    /// <summary>Grokked or censored: the outcome is known. Diverged runs count as never grokking; failed ones not at all.</summary>
    public bool HasOutcome => Summary is { Status: RunStatus.Grokked or RunStatus.Censored or RunStatus.Diverged };
}
