using System.Globalization;
using System.Text;
using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Runtime.Reproductions;

/// <summary>A verdict as committed: the numbers and the words, without the code that computed them.</summary>
public sealed record VerdictRow(string Quantity, string Runs, string Source, double PaperValue, double Low, double High, double? Measured, string Verdict, string? Why)
{
    public static VerdictRow Of(TargetVerdict verdict) => new(
        verdict.Target.Quantity, verdict.Target.Measure.Runs.Description, verdict.Target.Source, verdict.Target.PaperValue,
        verdict.Target.Low, verdict.Target.High, verdict.Measured, verdict.Verdict, verdict.Why);
}

/// <summary>reproduction.json: what ran, where, when, for how long, and what it found.</summary>
public sealed record ReproductionRecord(
    string Preset, string Variant, string Command, string Machine, DateTimeOffset Date, double WallSeconds, int Runs,
    IReadOnlyList<VerdictRow> Verdicts, string? Note);

/// <summary>
/// Writes a reproduction's committed form into a folder (<c>reproductions/&lt;preset&gt;/</c>): reproduction.json,
/// table.md, and per run its summary.json and thinned metrics.csv. HTML reports stay out (megabytes each).
/// </summary>
public static class ReproductionExport
{
    public static string Write(string folder, ReproductionRecord record, IReadOnlyList<ReproducedRun> runs)
    {
        Directory.CreateDirectory(folder);
        foreach (var run in runs.Where(r => r.Summary is not null))
        {
            var target = Path.Combine(folder, "runs", run.Summary!.RunId);
            Directory.CreateDirectory(target);
            AtomicFile.WriteAllText(Path.Combine(target, RunDirectory.SummaryFile), File.ReadAllText(run.Directory.SummaryPath));
            if (run.Directory.ReadConfiguration() is { } configuration)
                AtomicFile.WriteAllText(Path.Combine(target, RunDirectory.ConfigurationFile), configuration);
            ThinnedMetrics.Write(Path.Combine(target, "metrics.csv"), ThinnedMetrics.Thin(run.Metrics, run.Summary.MemorizedAtStep, run.Summary.GrokkedAtStep));
        }
        RemoveStaleRuns(Path.Combine(folder, "runs"), runs.Where(r => r.Summary is not null).Select(r => r.Summary!.RunId).ToHashSet());
        AtomicFile.WriteAllText(Path.Combine(folder, "reproduction.json"), JsonSerializer.Serialize(record, RunJson.Indented));
        var table = Path.Combine(folder, "table.md");
        AtomicFile.WriteAllText(table, Markdown(record));
        return table;
    }

    /// <summary>
    /// A re-export after the preset changed (new run ids) would otherwise leave the old runs beside the new ones, where
    /// they read as part of the table. Only folders an export wrote (they hold a summary.json) are removed.
    /// </summary>
    static void RemoveStaleRuns(string runsFolder, IReadOnlySet<string> exported)
    {
        if (!Directory.Exists(runsFolder))
            return;
        foreach (var stale in Directory.GetDirectories(runsFolder)
                     .Where(d => !exported.Contains(Path.GetFileName(d)) && File.Exists(Path.Combine(d, RunDirectory.SummaryFile))))
            Directory.Delete(stale, recursive: true);
    }

    public static string Markdown(ReproductionRecord record)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {record.Preset} ({record.Variant})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`{record.Command}` · {record.Runs} runs · {record.WallSeconds / 60:0.0} min of training · {record.Machine} · {record.Date:yyyy-MM-dd HH:mm} UTC");
        if (record.Note is not null) text.AppendLine().AppendLine(record.Note);
        text.AppendLine();
        text.AppendLine("| quantity | runs | paper | band | GrokDsl | verdict | note |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in record.Verdicts)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Quantity} ({row.Source}) | {row.Runs} | {Number(row.PaperValue)} | {Number(row.Low)}–{Number(row.High)} | {(row.Measured is { } m ? Number(m) : "—")} | {row.Verdict} | {row.Why ?? ""} |");
        return text.ToString();
    }

    // NaN is a paper value the paper states in words only ("long after"); ∞ an open band.
    public static string Number(double value) =>
        double.IsNaN(value) ? "(no number)" :
        double.IsPositiveInfinity(value) ? "∞" :
        Math.Abs(value) >= 100 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}
