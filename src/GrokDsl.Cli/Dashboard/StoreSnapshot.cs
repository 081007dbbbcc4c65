using GrokDsl.Runs;

namespace GrokDsl.Cli.Dashboard;

/// <summary>
/// What the dashboard lists, read from the runs folder: experiments, sweeps and runs with their status, and links to
/// the reports that exist. Sent to the page as JSON whenever it changes.
/// </summary>
sealed record StoreSnapshot(string Root, IReadOnlyList<ExperimentRow> Experiments, IReadOnlyList<SweepRow> Sweeps, IReadOnlyList<RunRow> Runs)
{
    /// <summary>
    /// An unfinished run whose metrics grew this recently counts as running; an older one was killed or is paused, and
    /// is listed as unfinished.
    /// </summary>
    static readonly TimeSpan RunningWindow = TimeSpan.FromMinutes(2);

    public static StoreSnapshot Read(string runsRoot, DateTime nowUtc)
    {
        var runs = RunStore.List(runsRoot).Select(entry => RunRow.Of(entry, nowUtc - RunningWindow)).ToList();
        var sweeps = new List<SweepRow>();
        foreach (var experiment in runs.Select(r => r.Experiment).Distinct(StringComparer.Ordinal))
        {
            IReadOnlyList<SweepManifest> manifests;
            try
            {
                manifests = SweepManifest.ReadAll(RunDirectory.ExperimentFolder(runsRoot, experiment));
            }
            catch (InvalidDataException)
            {
                continue; // `runs list` and `sweep status` name the damaged manifest; the dashboard lists the runs regardless
            }
            sweeps.AddRange(manifests.Select(m => SweepRow.Of(runsRoot, m)));
        }
        var experiments = runs.GroupBy(r => r.Experiment, StringComparer.Ordinal)
            .Select(g => new ExperimentRow(g.Key, g.Count(), g.Count(r => r.Status == "grokked"), g.Count(r => r.Live)))
            .ToList();
        return new StoreSnapshot(Path.GetFullPath(runsRoot), experiments, [.. sweeps.OrderByDescending(s => s.CreatedAt)], runs);
    }
}

sealed record ExperimentRow(string Experiment, int Runs, int Grokked, int Running);

/// <param name="Report">The URL of the sweep report, or null while it has not been written.</param>
/// <param name="Compare">The URL of the comparison view over the sweep's runs.</param>
sealed record SweepRow(string Experiment, string Sweep, DateTimeOffset CreatedAt, int Runs, string? Report, string Compare)
{
    public static SweepRow Of(string runsRoot, SweepManifest manifest)
    {
        var report = Path.Combine(RunDirectory.ExperimentFolder(runsRoot, manifest.ExperimentId), manifest.ReportFileName);
        return new SweepRow(manifest.ExperimentId, manifest.SweepId, manifest.CreatedAt, manifest.RunIds.Count,
            File.Exists(report) ? DashboardUrls.RunsFile(manifest.ExperimentId, manifest.ReportFileName) : null,
            DashboardUrls.CompareSweep(manifest.ExperimentId, manifest.SweepId));
    }
}

/// <param name="Live">Running now (see <see cref="StoreSnapshot"/>): the page draws its curves as they grow.</param>
/// <param name="Report">The URL of the run's report, or null while it has not been written.</param>
sealed record RunRow(string Experiment, string Run, string Status, bool Live, DateTimeOffset? StartedAt, long? GrokkedAt, double? TestAccuracy, string? Report)
{
    public static RunRow Of(RunEntry entry, DateTime runningSinceUtc)
    {
        var live = entry.Summary is null && entry.Damage is null && File.Exists(entry.Directory.MetricsPath)
                   && File.GetLastWriteTimeUtc(entry.Directory.MetricsPath) >= runningSinceUtc;
        return new RunRow(entry.ExperimentId, entry.RunId, live ? "running" : entry.Status, live, entry.StartedAt(),
            entry.Summary?.GrokkedAtStep, entry.Summary?.FinalTestAccuracy,
            File.Exists(entry.Directory.ReportPath) ? DashboardUrls.RunsFile(entry.ExperimentId, entry.RunId, RunDirectory.ReportFile) : null);
    }
}
