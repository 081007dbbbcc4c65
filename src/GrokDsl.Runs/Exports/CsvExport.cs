using System.Globalization;
using CsvHelper;

namespace GrokDsl.Runs.Exports;

/// <summary>
/// The runs table and every run's metrics as CSV, for pandas (<c>pandas.read_csv</c>), R or a spreadsheet:
/// <c>runs.csv</c> has one row per run, its summary and its configuration (one column per dotted key);
/// <c>metrics.csv</c> has one row per metrics record of every run, keyed by experiment and run id, one column per measure.
/// An empty cell is a value the run does not have (unfinished, not evaluated at that step).
/// </summary>
public static class CsvExport
{
    public const string RunsFile = "runs.csv";
    public const string MetricsFile = "metrics.csv";

    public static readonly string[] RunColumns =
        ["experiment", "run_id", "status", "memorized_at_step", "grokked_at_step", "final_step", "final_train_accuracy", "final_test_accuracy", "wall_seconds", "path"];

    public static readonly string[] MetricColumns =
        ["experiment", "run_id", "step", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "wall_seconds"];

    /// <summary>Writes both files into <paramref name="folder"/> (created); returns their paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<RunEntry> runs, string folder)
    {
        Directory.CreateDirectory(folder);
        var runsPath = Path.Combine(folder, RunsFile);
        var metricsPath = Path.Combine(folder, MetricsFile);
        AtomicFile.WriteAllText(runsPath, RunsTable(runs));
        AtomicFile.WriteAllText(metricsPath, Metrics(runs));
        return [runsPath, metricsPath];
    }

    static string RunsTable(IReadOnlyList<RunEntry> runs)
    {
        var settings = runs.Select(r => r.Settings()).ToList();
        var keys = settings.SelectMany(s => s.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return Csv(csv =>
        {
            foreach (var column in RunColumns.Concat(keys)) csv.WriteField(column);
            csv.EndRecord();
            for (var i = 0; i < runs.Count; i++)
            {
                var (run, s) = (runs[i], runs[i].Summary);
                csv.WriteField(run.ExperimentId);
                csv.WriteField(run.RunId);
                csv.WriteField(run.StatusWord);
                csv.WriteField(Number(s?.MemorizedAtStep));
                csv.WriteField(Number(s?.GrokkedAtStep));
                csv.WriteField(Number(s?.FinalStep));
                csv.WriteField(Number(s?.FinalTrainAccuracy));
                csv.WriteField(Number(s?.FinalTestAccuracy));
                csv.WriteField(Number(s?.WallSeconds));
                csv.WriteField(run.Directory.Path);
                foreach (var key in keys) csv.WriteField(settings[i].TryGetValue(key, out var value) ? value : "");
                csv.EndRecord();
            }
        });
    }

    static string Metrics(IReadOnlyList<RunEntry> runs)
    {
        var records = runs.Select(r => r.Directory.ReadMetrics(out _)).ToList();
        var measures = records.SelectMany(rs => rs.SelectMany(r => r.Measures?.Keys ?? [])).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return Csv(csv =>
        {
            foreach (var column in MetricColumns.Concat(measures)) csv.WriteField(column);
            csv.EndRecord();
            for (var i = 0; i < runs.Count; i++)
                foreach (var record in records[i])
                {
                    csv.WriteField(runs[i].ExperimentId);
                    csv.WriteField(runs[i].RunId);
                    csv.WriteField(Number(record.Step));
                    csv.WriteField(Number(record.TrainLoss));
                    csv.WriteField(Number(record.TrainAccuracy));
                    csv.WriteField(Number(record.TestLoss));
                    csv.WriteField(Number(record.TestAccuracy));
                    csv.WriteField(Number(record.WallSeconds));
                    foreach (var measure in measures)
                        csv.WriteField(record.Measures is { } m && m.TryGetValue(measure, out var value) ? Number(value) : "");
                    csv.EndRecord();
                }
        });
    }

    static string Csv(Action<CsvWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, options: null, leaveOpen: true)) write(csv);
        return text.ToString();
    }

    // Round-trip form; NaN and infinities as "NaN", "Infinity", "-Infinity", which pandas and .NET both parse.
    static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
