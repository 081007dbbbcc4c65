using System.Text.Json;

namespace GrokDsl.Runs;

/// <summary>
/// <c>&lt;runs&gt;/&lt;experiment-id&gt;/&lt;run-id&gt;/</c>: the resolved configuration, the metrics stream,
/// the summary and the report of one run. Whether a run is finished is its summary's status (<see cref="RunStatusRules.IsFinished(RunSummary?)"/>).
/// </summary>
public sealed record RunDirectory(string Path)
{
    public const string ConfigurationFile = "config.json";
    public const string MetricsFileName = "metrics.jsonl";
    public const string SummaryFile = "summary.json";
    public const string ReportFile = "report.html";

    /// <summary>The folder of one run, checked to be exactly two levels under the root.</summary>
    /// <exception cref="ArgumentException">An id would place the run elsewhere ("../x", "/abs", "a/b").</exception>
    public static RunDirectory For(string runsRoot, string experimentId, string runId)
    {
        var experimentFolder = ExperimentFolder(runsRoot, experimentId);
        return new(Under(experimentFolder, runId, "run id"));
    }

    /// <summary><c>&lt;runs&gt;/&lt;experiment-id&gt;/</c>, checked to be a folder directly under the root.</summary>
    /// <exception cref="ArgumentException">The id would place it elsewhere.</exception>
    public static string ExperimentFolder(string runsRoot, string experimentId) =>
        Under(System.IO.Path.GetFullPath(runsRoot), experimentId, "experiment id");

    // Ids are validated where they are declared (GrokDsl.Validation.IdRules); this is the last line, at the one place
    // paths are made from them: whatever an id holds, the folder it names is a direct child of its parent.
    static string Under(string parent, string name, string what)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(parent, name));
        if (name.Length == 0 || System.IO.Path.IsPathRooted(name) || !string.Equals(System.IO.Path.GetDirectoryName(path), parent.TrimEnd(System.IO.Path.DirectorySeparatorChar), StringComparison.Ordinal)
            || name is "." or "..")
            throw new ArgumentException($"{what} '{name}' does not name a folder directly inside {parent}; ids must not contain path separators or '..'");
        return path;
    }

    public string ConfigurationPath => System.IO.Path.Combine(Path, ConfigurationFile);
    public string MetricsPath => System.IO.Path.Combine(Path, MetricsFileName);
    public string SummaryPath => System.IO.Path.Combine(Path, SummaryFile);
    public string ReportPath => System.IO.Path.Combine(Path, ReportFile);

    public void WriteConfiguration(string canonicalJson) => AtomicFile.WriteAllText(ConfigurationPath, canonicalJson);

    public void WriteSummary(RunSummary summary) =>
        AtomicFile.WriteAllText(SummaryPath, JsonSerializer.Serialize(summary, RunJson.Indented));

    /// <summary>The summary, or null while the run has none.</summary>
    /// <exception cref="DamagedRunFileException">summary.json is there but damaged; the message names it and the problem.</exception>
    public RunSummary? ReadSummary() => RunFile.ReadJson<RunSummary>(SummaryPath);

    /// <exception cref="DamagedRunFileException">config.json is there but cannot be read.</exception>
    public string? ReadConfiguration() => RunFile.ReadText(ConfigurationPath);

    public IReadOnlyList<MetricRecord> ReadMetrics(out int skippedLines) => MetricsFile.Read(MetricsPath, out skippedLines);

    /// <summary>The metrics stream with what was wrong with it (a torn last line, damaged lines), each naming the file and line.</summary>
    public MetricsReading ReadMetrics() => MetricsFile.ReadChecked(MetricsPath);

    public string EnvironmentPath => System.IO.Path.Combine(Path, RunEnvironment.FileName);

    public void WriteEnvironment(RunEnvironment environment) =>
        AtomicFile.WriteAllText(EnvironmentPath, JsonSerializer.Serialize(environment, RunJson.Indented));

    /// <exception cref="DamagedRunFileException">environment.json is there but damaged.</exception>
    public RunEnvironment? ReadEnvironment() => RunFile.ReadJson<RunEnvironment>(EnvironmentPath);
}
