using GrokDsl.Overrides;

namespace GrokDsl.Runtime.Planning;

/// <summary>
/// Where a run came from, recorded in its run directory so that it describes itself: the experiment's citation,
/// and the grokdsl command line (after "grokdsl") that makes exactly this run again: the experiment, its --set
/// overrides, and every swept setting pinned to this run's value with --set, so it reproduces the run, not the sweep.
/// A run trained by <c>grokdsl reproduce</c> records that command instead (<see cref="TrainedBy"/>): its variant is not
/// addressable by <c>run</c>.
/// </summary>
/// <param name="Swept">The run's swept settings as PATH=VALUE, in axis order.</param>
public sealed record RunOrigin(string? Citation, IReadOnlyList<string> Reproduce, IReadOnlyList<string> Swept)
{
    /// <param name="experiment">The experiment as the command line gave it, overrides applied (its sweep axes include --sweep's).</param>
    /// <param name="run">One run of its sweep.</param>
    public static RunOrigin For(ExperimentReference reference, IExperiment experiment, IExperiment run)
    {
        var swept = experiment.Info.SweepAxes
            .Select(axis => SettingPath.Resolve(run.GetType(), axis))
            .Select(path => $"{path.Text}={SettingValue.Format(path.Get(run))}")
            .ToList();
        var arguments = new List<string> { "run", reference.Argument };
        if (reference.Id is not null) arguments.AddRange(["--id", reference.Id]);
        foreach (var set in reference.Sets.Concat(swept)) arguments.AddRange(["--set", set]);
        return new RunOrigin(experiment.Info.Source, arguments, swept);
    }

    /// <summary>The same origin, made again by another command line (after "grokdsl").</summary>
    public RunOrigin TrainedBy(IReadOnlyList<string> command) => this with { Reproduce = command };
}
