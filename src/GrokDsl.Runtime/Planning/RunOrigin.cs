using GrokDsl.Overrides;

namespace GrokDsl.Runtime.Planning;

/// <summary>
/// Where a run came from, recorded in its run directory so that it describes itself: the experiment's citation,
/// and the grokdsl command line (after "grokdsl") that makes exactly this run again: the experiment, its --set
/// overrides, and every swept setting pinned to this run's value with --set, so it reproduces the run, not the sweep.
/// </summary>
public sealed record RunOrigin(string? Citation, IReadOnlyList<string> Reproduce)
{
    /// <param name="experiment">The experiment as the command line gave it, overrides applied (its sweep axes include --sweep's).</param>
    /// <param name="run">One run of its sweep.</param>
    public static RunOrigin For(ExperimentReference reference, IExperiment experiment, IExperiment run)
    {
        var arguments = new List<string> { "run", reference.Argument };
        if (reference.Id is not null) arguments.AddRange(["--id", reference.Id]);
        foreach (var set in reference.Sets) arguments.AddRange(["--set", set]);
        foreach (var axis in experiment.Info.SweepAxes)
        {
            var path = SettingPath.Resolve(run.GetType(), axis);
            arguments.AddRange(["--set", $"{path.Text}={SettingValue.Format(path.Get(run))}"]);
        }
        return new RunOrigin(experiment.Info.Source, arguments);
    }

    /// <summary>The run's swept settings as PATH=VALUE, in axis order: the --set pins that end <see cref="Reproduce"/>.</summary>
    /// <param name="axes">How many axes the sweep has.</param>
    public IReadOnlyList<string> SweptSettings(int axes) => [.. Reproduce.TakeLast(2 * axes).Where((_, i) => i % 2 == 1)];
}
