using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// Everything a sweep report shows, read from a sweep directory (<c>runs/&lt;experiment-id&gt;/</c>, one folder per
/// run): the runs, the axes the sweep varied (<see cref="SweepAxis.Detect"/>) and the settings with their
/// statistics over seeds (<see cref="SweepSetting"/>). Unreadable runs become notes, not errors.
/// </summary>
/// <param name="ExperimentId">The experiment's id: the runs' own, else the directory's name.</param>
/// <param name="Path">The sweep directory, full path.</param>
/// <param name="Runs">Every run folder found (of the sweep's manifest, when one is given), sorted by run id.</param>
/// <param name="Axes">The configuration keys that differ across runs, the replicate axis (seed) last.</param>
/// <param name="Settings">The runs grouped by their non-replicate axis values, in axis-value order.</param>
/// <param name="Source">The experiment's citation, if known.</param>
/// <param name="ReproduceCommand">The command that runs the sweep again.</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="GrokDslVersion">The GrokDsl version that made the report.</param>
public sealed record SweepReport(
    string ExperimentId,
    string Path,
    IReadOnlyList<LoadedRun> Runs,
    IReadOnlyList<SweepAxis> Axes,
    IReadOnlyList<SweepSetting> Settings,
    string? Source,
    string ReproduceCommand,
    DateTimeOffset GeneratedAt,
    string GrokDslVersion)
{
    /// <summary>Problems met while reading the runs, one sentence each, shown on the page.</summary>
    public IReadOnlyList<string> LoadNotes { get; init; } = [];

    /// <summary>The training-dynamics results stored in the sweep directory (dynamics.json, prediction.json), if any.</summary>
    public DynamicsSection? Dynamics { get; init; }

    /// <summary>True while some run has no summary: the page then reloads itself.</summary>
    public bool InProgress => Runs.Any(run => !run.HasEnded);

    /// <summary>The page to write: <c>report.html</c> in the sweep directory, or the manifest's own report file there.</summary>
    public string ReportPath { get; init; } = System.IO.Path.Combine(Path, RunDirectory.ReportFile);

    /// <summary>Reads every run folder of a sweep directory (see <see cref="ReportTargets.IsRunDirectory"/>).</summary>
    /// <param name="sweepDirectory">The sweep directory.</param>
    /// <param name="reproduceCommand">The command line that runs the sweep again.</param>
    /// <param name="source">The experiment's citation; run directories do not record it.</param>
    /// <param name="generatedAt">The report's timestamp; now when omitted.</param>
    /// <param name="grokDslVersion">The version to print; this assembly's when omitted.</param>
    /// <param name="manifest">The sweep to report: only its runs, into its own report file; every run folder when null.</param>
    public static SweepReport Load(
        string sweepDirectory,
        string reproduceCommand,
        string? source = null,
        DateTimeOffset? generatedAt = null,
        string? grokDslVersion = null,
        SweepManifest? manifest = null)
    {
        ArgumentNullException.ThrowIfNull(sweepDirectory);
        ArgumentNullException.ThrowIfNull(reproduceCommand);
        var path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(sweepDirectory));
        var ofSweep = manifest?.RunIds.ToHashSet(StringComparer.Ordinal);
        var runs = ReportTargets.RunDirectoriesIn(path)
            .Where(folder => ofSweep is null || ofSweep.Contains(System.IO.Path.GetFileName(folder)))
            .Select(folder => LoadedRun.Load(new RunDirectory(folder)))
            .OrderBy(run => run.RunId, StringComparer.Ordinal)
            .ToList();
        var axes = SweepAxis.Detect([.. runs.Select(run => run.Configuration)]);
        var settings = SweepSetting.Group(runs, axes);

        var notes = runs.SelectMany(run => run.Notes).ToList();
        if (runs.Count == 0) notes.Add("No run folders were found in this directory.");
        var failed = runs.Count(run => run.Summary?.Status == RunStatus.Failed);
        if (failed > 0)
            notes.Add($"{failed} run{(failed == 1 ? "" : "s")} failed with an error and {(failed == 1 ? "is" : "are")} left out of the statistics.");
        var running = runs.Count(run => !run.HasEnded);
        if (running > 0)
            notes.Add($"{running} run{(running == 1 ? " has" : "s have")} no summary yet (in progress, or stopped without one): " +
                      "counted as censored at the last step reached, so medians and fractions are provisional.");

        var experimentId = runs.Select(run => run.Summary?.ExperimentId).FirstOrDefault(id => id is not null)
                           ?? System.IO.Path.GetFileName(path);
        return new SweepReport(
            experimentId, path, runs, axes, settings, source, reproduceCommand,
            generatedAt ?? DateTimeOffset.UtcNow, grokDslVersion ?? RunReport.CurrentVersion)
        {
            LoadNotes = notes,
            ReportPath = System.IO.Path.Combine(path, manifest?.ReportFileName ?? RunDirectory.ReportFile),
            Dynamics = LoadDynamics(path, manifest?.SweepId, runs, notes),
        };
    }

    // A damaged dynamics.json or prediction.json becomes a note; the rest of the report still renders.
    static DynamicsSection? LoadDynamics(string path, string? sweepId, IReadOnlyList<LoadedRun> runs, List<string> notes)
    {
        Analysis.Dynamics.DynamicsResult? dynamics = null;
        Analysis.Prediction.PredictionResult? prediction = null;
        try { dynamics = Analysis.Dynamics.DynamicsFile.Read(path, sweepId); }
        catch (Exception e) when (e is InvalidDataException or IOException) { notes.Add(e.Message); }
        try { prediction = Analysis.Prediction.PredictionFile.Read(path, sweepId); }
        catch (Exception e) when (e is InvalidDataException or IOException) { notes.Add(e.Message); }
        return DynamicsSection.Of(dynamics, prediction, runs);
    }
}
