using System.Globalization;
using CsvHelper;
using GrokDsl.Runs;

namespace GrokDsl.Runtime.Reproductions;

/// <summary>
/// A run's metrics as CSV, thinned to at most <see cref="MaxRows"/> evenly spaced records plus the records at its
/// memorization and grokking steps, so that a committed reproduction stays small and its curves keep their shape.
/// Columns: step, the four accuracy/loss values, wall seconds, then every measure key in sorted order (empty where
/// a record has no value).
/// </summary>
public static class ThinnedMetrics
{
    public const int MaxRows = 2000;

    public static IReadOnlyList<MetricRecord> Thin(IReadOnlyList<MetricRecord> metrics, params long?[] keepSteps)
    {
        if (metrics.Count <= MaxRows) return metrics;
        var keep = new SortedSet<int>();
        for (var i = 0; i < MaxRows; i++) keep.Add((int)Math.Round(i * (metrics.Count - 1) / (double)(MaxRows - 1)));
        foreach (var step in keepSteps.OfType<long>())
        {
            var index = metrics.ToList().FindIndex(r => r.Step == step);
            if (index >= 0) keep.Add(index);
        }
        return [.. keep.Select(i => metrics[i])];
    }

    public static void Write(string path, IReadOnlyList<MetricRecord> metrics)
    {
        var keys = metrics.Where(r => r.Measures is not null).SelectMany(r => r.Measures!.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, options: null, leaveOpen: true))
        {
            foreach (var header in new[] { "step", "trainLoss", "trainAccuracy", "testLoss", "testAccuracy", "wallSeconds" }.Concat(keys)) csv.WriteField(header);
            csv.EndRecord();
            foreach (var record in metrics)
            {
                csv.WriteField(record.Step.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(Number(record.TrainLoss));
                csv.WriteField(Number(record.TrainAccuracy));
                csv.WriteField(Number(record.TestLoss));
                csv.WriteField(Number(record.TestAccuracy));
                csv.WriteField(Number(record.WallSeconds));
                foreach (var key in keys) csv.WriteField(record.Measures is { } m && m.TryGetValue(key, out var v) ? Number(v) : "");
                csv.EndRecord();
            }
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
