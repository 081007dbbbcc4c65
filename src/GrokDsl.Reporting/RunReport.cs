using System.Reflection;
using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// Everything a run report shows, read from one run directory. A run in progress (no summary), a crashed run
/// (torn metrics) or a damaged directory still yields a report: what could not be read is listed in
/// <see cref="LoadNotes"/> and shown on the page instead of failing.
/// </summary>
/// <param name="ExperimentId">The experiment's id, e.g. <c>nanda-2023</c>.</param>
/// <param name="RunId">The run's id (the hash of its resolved configuration).</param>
/// <param name="Source">The experiment's citation (its <c>[Experiment(Source = …)]</c>), if it has one.</param>
/// <param name="Configuration">The resolved configuration as written to <c>config.json</c>; null when the file is missing.</param>
/// <param name="Summary">How the run ended; null while it runs, or when it stopped without writing a summary.</param>
/// <param name="Metrics">The metric records, in file order.</param>
/// <param name="SkippedMetricLines">Metrics lines that did not parse (a line torn by a crash, or one still being written).</param>
/// <param name="Plugins">Plugin ids and the versions the run used.</param>
/// <param name="ReproduceCommand">The command line that runs this configuration again.</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="GrokDslVersion">The GrokDsl version that made the report.</param>
public sealed record RunReport(
    string ExperimentId,
    string RunId,
    string? Source,
    string? Configuration,
    RunSummary? Summary,
    IReadOnlyList<MetricRecord> Metrics,
    int SkippedMetricLines,
    IReadOnlyDictionary<string, string> Plugins,
    string ReproduceCommand,
    DateTimeOffset GeneratedAt,
    string GrokDslVersion)
{
    /// <summary>Problems met while reading the run directory, one sentence each, shown on the page.</summary>
    public IReadOnlyList<string> LoadNotes { get; init; } = [];

    /// <summary>What the run ran on and from (<c>environment.json</c>: versions, device, command line, source); null when not recorded.</summary>
    public RunEnvironment? Environment { get; init; }

    /// <summary>
    /// The report of a run directory from the directory alone: its own citation and reproducing command line
    /// (<see cref="ReproduceCommand.For(RunDirectory)"/>), so the directory can be copied anywhere and reported there.
    /// </summary>
    public static RunReport Load(RunDirectory directory) => Load(directory, Reporting.ReproduceCommand.For(directory));

    /// <summary>
    /// Reads a run directory. Missing or damaged files do not throw: the ids then come from the directory's
    /// path (<c>&lt;runs&gt;/&lt;experiment-id&gt;/&lt;run-id&gt;</c>) and each problem becomes a note.
    /// </summary>
    /// <param name="directory">The run to report on.</param>
    /// <param name="reproduceCommand">The command line that runs this configuration again.</param>
    /// <param name="source">The experiment's citation; when null, the one the run directory recorded.</param>
    /// <param name="generatedAt">The report's timestamp; now when omitted.</param>
    /// <param name="grokDslVersion">The version to print; this assembly's informational version when omitted.</param>
    public static RunReport Load(
        RunDirectory directory,
        string reproduceCommand,
        string? source = null,
        DateTimeOffset? generatedAt = null,
        string? grokDslVersion = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(reproduceCommand);
        var notes = new List<string>();

        var configuration = directory.ReadConfiguration();
        if (configuration is null)
            notes.Add($"{RunDirectory.ConfigurationFile} is missing: the resolved configuration cannot be shown.");
        else if (!IsJson(configuration))
            notes.Add($"{RunDirectory.ConfigurationFile} is not valid JSON (truncated?); it is shown as found.");

        var summary = ReadSummary(directory, notes);
        var environment = ReadEnvironment(directory, notes);

        if (!File.Exists(directory.MetricsPath))
            notes.Add($"{RunDirectory.MetricsFileName} is missing: there are no curves to draw.");
        var metrics = directory.ReadMetrics(out var skipped);

        var (experimentFromPath, runFromPath) = IdsFromPath(directory.Path);
        return new RunReport(
            summary?.ExperimentId ?? experimentFromPath,
            summary?.RunId ?? runFromPath,
            source ?? environment?.Citation,
            configuration,
            summary,
            metrics,
            skipped,
            summary?.Plugins ?? new Dictionary<string, string>(),
            reproduceCommand,
            generatedAt ?? DateTimeOffset.UtcNow,
            grokDslVersion ?? CurrentVersion)
        {
            LoadNotes = notes,
            Environment = environment,
        };
    }

    /// <summary>This library's informational version (it ships with GrokDsl and carries its version).</summary>
    public static string CurrentVersion { get; } =
        typeof(RunReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunReport).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    static RunSummary? ReadSummary(RunDirectory directory, List<string> notes)
    {
        try
        {
            return directory.ReadSummary();
        }
        catch (DamagedRunFileException e)
        {
            // A summary is written atomically, so this is damage from outside (a copy cut short, a hand edit).
            notes.Add($"{RunDirectory.SummaryFile} could not be read ({e.Problem}); the run is shown as unfinished.");
            return null;
        }
    }

    static RunEnvironment? ReadEnvironment(RunDirectory directory, List<string> notes)
    {
        try
        {
            return directory.ReadEnvironment();
        }
        catch (DamagedRunFileException e)
        {
            notes.Add($"{RunEnvironment.FileName} could not be read ({e.Problem}); versions and the command line are not shown.");
            return null;
        }
    }

    static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    static (string ExperimentId, string RunId) IdsFromPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var runId = Path.GetFileName(full);
        var experimentId = Path.GetFileName(Path.GetDirectoryName(full) ?? "");
        return (experimentId.Length > 0 ? experimentId : "unknown-experiment", runId.Length > 0 ? runId : "unknown-run");
    }
}
