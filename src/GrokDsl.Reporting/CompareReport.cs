using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// Several runs side by side: their curves overlaid in one page, labelled by what differs between them
/// (the configuration keys whose values differ, <see cref="SweepAxis.Detect"/>).
/// </summary>
/// <param name="Runs">The runs, in the order given.</param>
/// <param name="Differences">The configuration keys whose values differ across the runs.</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="GrokDslVersion">The GrokDsl version that made the report.</param>
public sealed record CompareReport(
    IReadOnlyList<LoadedRun> Runs,
    IReadOnlyList<SweepAxis> Differences,
    DateTimeOffset GeneratedAt,
    string GrokDslVersion)
{
    /// <summary>Problems met while reading the runs, one sentence each.</summary>
    public IReadOnlyList<string> LoadNotes { get; init; } = [];

    /// <summary>True while some run has no summary: the page then reloads itself.</summary>
    public bool InProgress => Runs.Any(run => !run.HasEnded);

    /// <summary>Reads the runs to compare; missing or damaged files become notes.</summary>
    /// <exception cref="ArgumentException">No runs were given.</exception>
    public static CompareReport Load(IEnumerable<RunDirectory> runs, DateTimeOffset? generatedAt = null, string? grokDslVersion = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var loaded = runs.Select(LoadedRun.Load).ToList();
        if (loaded.Count == 0) throw new ArgumentException("Nothing to compare: give at least one run directory.", nameof(runs));
        var notes = loaded.SelectMany(run => run.Notes).ToList();
        if (loaded.Count == 1) notes.Add("Only one run was given: there is nothing to compare it with.");
        return new CompareReport(
            loaded, SweepAxis.Detect([.. loaded.Select(run => run.Configuration)]),
            generatedAt ?? DateTimeOffset.UtcNow, grokDslVersion ?? RunReport.CurrentVersion)
        {
            LoadNotes = notes,
        };
    }

    /// <summary>
    /// Each run's legend label: its id (with the experiment when the runs mix experiments) and its values of the
    /// first few differing keys, e.g. <c>3f9c2a7d0b1e · Optimizer.WeightDecay=0.1 · Seed=2</c>.
    /// </summary>
    public IReadOnlyList<string> Labels()
    {
        const int shownKeys = 3;
        var mixed = Runs.Select(run => run.ExperimentId).Distinct().Count() > 1;
        var keys = Differences.Take(shownKeys).ToList();
        return
        [
            .. Runs.Select(run => string.Join(" · ",
                [
                    RunTable.Name(run, mixed),
                    .. keys.Select(axis => $"{axis.Key}={axis.ValueOf(run.Configuration)}"),
                    .. Differences.Count > shownKeys ? ["…"] : Array.Empty<string>(),
                ])),
        ];
    }
}
