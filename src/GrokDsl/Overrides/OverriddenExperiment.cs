namespace GrokDsl.Overrides;

/// <summary>An experiment seen through command-line overrides (see <see cref="ExperimentOverrides"/>).</summary>
/// <remarks>
/// The sweep expands lazily, and without remembering every run: declared runs that differ only in settings the
/// overrides replace expand to the same runs, so only the first of them is expanded (a set of keys bounded by the
/// declared sweep, which the analyzers limit). Only when override paths overlap (one setting inside another, e.g.
/// --sweep Optimizer=... with --set Optimizer.LearningRate=...) can two combinations meet, and then run ids are remembered.
/// </remarks>
sealed class OverriddenExperiment : IExperiment
{
    readonly IExperiment _inner;
    readonly IReadOnlyList<(SettingPath Path, object? Value)> _sets;
    readonly IReadOnlyList<(SettingPath Path, IReadOnlyList<object?> Values)> _axes;

    public OverriddenExperiment(IExperiment inner, IReadOnlyList<(SettingPath Path, object? Value)> sets, IReadOnlyList<(SettingPath Path, IReadOnlyList<object?> Values)> axes)
    {
        _inner = inner;
        _sets = sets;
        // --set wins over --sweep, so an axis that is also set has one value; equal values would only repeat runs.
        _axes = [.. axes.Where(a => !sets.Any(s => s.Path.Text == a.Path.Text)).Select(a => (a.Path, (IReadOnlyList<object?>)[.. a.Values.Distinct()]))];
        var replaced = new HashSet<string>(_axes.Select(a => a.Path.Text).Concat(sets.Select(s => s.Path.Text)), StringComparer.Ordinal);
        Info = inner.Info with
        {
            SweepAxes = [.. inner.Info.SweepAxes.Concat(axes.Select(a => a.Path.Text)).Distinct()],
            AxisSizes = [.. inner.Info.AxisSizes.Where(a => !replaced.Contains(a.Axis)), .. _axes.Select(a => new SweepAxisSize(a.Path.Text, a.Values.Count))],
        };
    }

    public ExperimentInfo Info { get; }

    public RunSpec ToRunSpec() => WithSets(_inner).ToRunSpec();

    public IReadOnlyList<string> Validate() => WithSets(_inner).Validate();

    public IEnumerable<IExperiment> ExpandSweep()
    {
        var expandedDeclared = new HashSet<string>(StringComparer.Ordinal);
        var runIds = PathsOverlap() ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var declared in _inner.ExpandSweep())
        {
            if (!expandedDeclared.Add(Overridden(declared, _axes.Select(a => a.Values[0]).ToList()).ToRunSpec().RunId)) continue;
            foreach (var combination in Combinations(0))
            {
                var run = Overridden(declared, combination);
                if (runIds is null || runIds.Add(run.ToRunSpec().RunId)) yield return run;
            }
        }
    }

    // The declared run with the --sweep axes at the given values (one per axis, in order), then the --set values.
    IExperiment Overridden(IExperiment declared, IReadOnlyList<object?> values)
    {
        var run = declared;
        for (var i = 0; i < _axes.Count; i++) run = _axes[i].Path.With(run, values[i]);
        return WithSets(run);
    }

    IExperiment WithSets(IExperiment run)
    {
        foreach (var (path, value) in _sets) run = path.With(run, value);
        return run;
    }

    // The values of the --sweep axes from axis `index` on, one combination at a time, the first axis varying slowest.
    IEnumerable<IReadOnlyList<object?>> Combinations(int index)
    {
        if (index == _axes.Count)
        {
            yield return [];
            yield break;
        }
        foreach (var value in _axes[index].Values)
            foreach (var rest in Combinations(index + 1))
                yield return [value, .. rest];
    }

    // Whether a swept setting lies inside another override's setting, or contains one.
    bool PathsOverlap()
    {
        var paths = _axes.Select(a => a.Path.Text).Concat(_sets.Select(s => s.Path.Text)).ToList();
        return paths.Any(a => paths.Count(b => a == b || b.StartsWith(a + ".", StringComparison.Ordinal)) > 1);
    }
}
