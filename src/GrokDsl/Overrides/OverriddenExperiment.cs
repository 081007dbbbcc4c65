namespace GrokDsl.Overrides;

/// <summary>An experiment seen through command-line overrides (see <see cref="ExperimentOverrides"/>).</summary>
sealed class OverriddenExperiment(
    IExperiment inner,
    IReadOnlyList<(SettingPath Path, object? Value)> sets,
    IReadOnlyList<(SettingPath Path, IReadOnlyList<object?> Values)> axes) : IExperiment
{
    public ExperimentInfo Info { get; } = inner.Info with
    {
        SweepAxes = [.. inner.Info.SweepAxes.Concat(axes.Select(a => a.Path.Text)).Distinct()],
    };

    public RunSpec ToRunSpec() => WithSets(inner).ToRunSpec();

    public IReadOnlyList<string> Validate() => WithSets(inner).Validate();

    public IReadOnlyList<IExperiment> ExpandSweep()
    {
        var runs = new List<IExperiment>();
        var runIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declared in inner.ExpandSweep())
            foreach (var combination in Combinations(0))
            {
                var run = declared;
                foreach (var (path, value) in combination) run = path.With(run, value);
                run = WithSets(run);
                if (runIds.Add(run.ToRunSpec().RunId)) runs.Add(run);
            }
        return runs;
    }

    IExperiment WithSets(IExperiment run)
    {
        foreach (var (path, value) in sets) run = path.With(run, value);
        return run;
    }

    // The Cartesian product of the --sweep axes from axis `index` on, the first axis varying slowest.
    IEnumerable<IReadOnlyList<(SettingPath, object?)>> Combinations(int index)
    {
        if (index == axes.Count)
        {
            yield return [];
            yield break;
        }
        foreach (var value in axes[index].Values)
            foreach (var rest in Combinations(index + 1))
                yield return [(axes[index].Path, value), .. rest];
    }
}
