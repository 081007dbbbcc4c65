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

    public static RunDirectory For(string runsRoot, string experimentId, string runId) =>
        new(System.IO.Path.GetFullPath(System.IO.Path.Combine(runsRoot, experimentId, runId)));

    public string ConfigurationPath => System.IO.Path.Combine(Path, ConfigurationFile);
    public string MetricsPath => System.IO.Path.Combine(Path, MetricsFileName);
    public string SummaryPath => System.IO.Path.Combine(Path, SummaryFile);
    public string ReportPath => System.IO.Path.Combine(Path, ReportFile);

    public void WriteConfiguration(string canonicalJson) => AtomicFile.WriteAllText(ConfigurationPath, canonicalJson);

    public void WriteSummary(RunSummary summary) =>
        AtomicFile.WriteAllText(SummaryPath, JsonSerializer.Serialize(summary, RunJson.Indented));

    public RunSummary? ReadSummary() =>
        File.Exists(SummaryPath) ? JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(SummaryPath), RunJson.Indented) : null;

    public string? ReadConfiguration() => File.Exists(ConfigurationPath) ? File.ReadAllText(ConfigurationPath) : null;

    public IReadOnlyList<MetricRecord> ReadMetrics(out int skippedLines) => MetricsFile.Read(MetricsPath, out skippedLines);

    public string EnvironmentPath => System.IO.Path.Combine(Path, RunEnvironment.FileName);

    public void WriteEnvironment(RunEnvironment environment) =>
        AtomicFile.WriteAllText(EnvironmentPath, JsonSerializer.Serialize(environment, RunJson.Indented));

    public RunEnvironment? ReadEnvironment() =>
        File.Exists(EnvironmentPath) ? JsonSerializer.Deserialize<RunEnvironment>(File.ReadAllText(EnvironmentPath), RunJson.Indented) : null;
}
