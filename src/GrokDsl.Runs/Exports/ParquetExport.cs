using Parquet;
using Parquet.Schema;

namespace GrokDsl.Runs.Exports;

/// <summary>
/// The same two tables as <see cref="CsvExport"/>, as Parquet files (<c>pandas.read_parquet</c>, Arrow, DuckDB, Spark):
/// typed columns (steps as int64, losses and accuracies as double, a missing value as null) instead of text. The runs
/// table's configuration columns stay text, since a swept key may hold numbers, strings or lists.
/// </summary>
public static class ParquetExport
{
    public const string RunsFile = "runs.parquet";
    public const string MetricsFile = "metrics.parquet";

    /// <summary>Writes both files into <paramref name="folder"/> (created); returns their paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<RunEntry> runs, string folder)
    {
        Directory.CreateDirectory(folder);
        var runsPath = Path.Combine(folder, RunsFile);
        var metricsPath = Path.Combine(folder, MetricsFile);
        // Parquet.Net writes asynchronously; the export is a one-shot command with nothing else to do meanwhile.
        AtomicFile.WriteAllBytes(runsPath, RunsTable(runs).GetAwaiter().GetResult());
        AtomicFile.WriteAllBytes(metricsPath, Metrics(runs).GetAwaiter().GetResult());
        return [runsPath, metricsPath];
    }

    static async Task<byte[]> RunsTable(IReadOnlyList<RunEntry> runs)
    {
        var settings = runs.Select(r => r.Settings()).ToList();
        var keys = settings.SelectMany(s => s.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var summaries = runs.Select(r => r.Summary).ToList();
        var columns = new List<(DataField Field, Func<ParquetRowGroupWriter, DataField, Task> Write)>
        {
            Text("experiment", runs.Select(r => r.ExperimentId)),
            Text("run_id", runs.Select(r => r.RunId)),
            Text("status", runs.Select(r => r.StatusWord)),
            Integers("memorized_at_step", summaries.Select(s => s?.MemorizedAtStep)),
            Integers("grokked_at_step", summaries.Select(s => s?.GrokkedAtStep)),
            Integers("final_step", summaries.Select(s => s?.FinalStep)),
            Numbers("final_train_accuracy", summaries.Select(s => s?.FinalTrainAccuracy)),
            Numbers("final_test_accuracy", summaries.Select(s => s?.FinalTestAccuracy)),
            Numbers("wall_seconds", summaries.Select(s => s?.WallSeconds)),
            Text("path", runs.Select(r => r.Directory.Path)),
        };
        columns.AddRange(keys.Select(key => Text(key, settings.Select(s => s.TryGetValue(key, out var value) ? value : null))));
        return await Table(columns);
    }

    static async Task<byte[]> Metrics(IReadOnlyList<RunEntry> runs)
    {
        var rows = runs.SelectMany(run => run.Directory.ReadMetrics(out _).Select(record => (Run: run, Record: record))).ToList();
        var measures = rows.SelectMany(r => r.Record.Measures?.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var columns = new List<(DataField Field, Func<ParquetRowGroupWriter, DataField, Task> Write)>
        {
            Text("experiment", rows.Select(r => r.Run.ExperimentId)),
            Text("run_id", rows.Select(r => r.Run.RunId)),
            Integers("step", rows.Select(r => (long?)r.Record.Step)),
            Numbers("train_loss", rows.Select(r => (double?)r.Record.TrainLoss)),
            Numbers("train_accuracy", rows.Select(r => (double?)r.Record.TrainAccuracy)),
            Numbers("test_loss", rows.Select(r => r.Record.TestLoss)),
            Numbers("test_accuracy", rows.Select(r => r.Record.TestAccuracy)),
            Numbers("wall_seconds", rows.Select(r => (double?)r.Record.WallSeconds)),
        };
        columns.AddRange(measures.Select(measure =>
            Numbers(measure, rows.Select(r => r.Record.Measures is { } m && m.TryGetValue(measure, out var value) ? value : (double?)null))));
        return await Table(columns);
    }

    // One row group holding every column: a run store's metrics fit in memory (the metrics files are read whole anyway).
    static async Task<byte[]> Table(IReadOnlyList<(DataField Field, Func<ParquetRowGroupWriter, DataField, Task> Write)> columns)
    {
        using var buffer = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => (Field)c.Field)), buffer))
        {
            using var group = writer.CreateRowGroup();
            foreach (var (field, write) in columns) await write(group, field);
        }
        return buffer.ToArray();
    }

    static (DataField, Func<ParquetRowGroupWriter, DataField, Task>) Text(string name, IEnumerable<string?> values)
    {
        var array = values.ToArray();
        return (new DataField(name, typeof(string), isNullable: true), (group, field) => group.WriteAsync(field, array!, null));
    }

    static (DataField, Func<ParquetRowGroupWriter, DataField, Task>) Integers(string name, IEnumerable<long?> values)
    {
        var array = values.ToArray();
        return (new DataField(name, typeof(long), isNullable: true), (group, field) => group.WriteAsync<long>(field, array.AsMemory(), null, null, CancellationToken.None));
    }

    static (DataField, Func<ParquetRowGroupWriter, DataField, Task>) Numbers(string name, IEnumerable<double?> values)
    {
        var array = values.ToArray();
        return (new DataField(name, typeof(double), isNullable: true), (group, field) => group.WriteAsync<double>(field, array.AsMemory(), null, null, CancellationToken.None));
    }
}
