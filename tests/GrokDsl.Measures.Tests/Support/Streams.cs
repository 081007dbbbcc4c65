using GrokDsl.Runs;

namespace GrokDsl.Measures.Tests.Support;

/// <summary>Synthetic metric streams.</summary>
static class Streams
{
    /// <summary>Records at every <paramref name="every"/> steps in [0, last], test metrics at every record.</summary>
    public static IReadOnlyList<MetricRecord> Make(
        long last, long every, Func<long, double> trainAccuracy, Func<long, double?> testAccuracy,
        Func<long, double?>? testLoss = null, Func<long, IReadOnlyDictionary<string, double>?>? measures = null)
    {
        var records = new List<MetricRecord>();
        for (var step = 0L; step <= last; step += every)
            records.Add(new MetricRecord(step, 1 - trainAccuracy(step), trainAccuracy(step), testLoss?.Invoke(step) ?? 1,
                testAccuracy(step), step / 100.0, measures?.Invoke(step)));
        return records;
    }
}
