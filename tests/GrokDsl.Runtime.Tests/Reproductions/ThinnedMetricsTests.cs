using GrokDsl.Runs;
using GrokDsl.Runtime.Reproductions;

namespace GrokDsl.Runtime.Tests.Reproductions;

public sealed class ThinnedMetricsTests
{
    static IReadOnlyList<MetricRecord> Records(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new MetricRecord(i * 10L, 1, 0.5, i % 2 == 0 ? 2.0 : null, null, i))];

    [Fact]
    public void Long_streams_keep_two_thousand_even_rows_plus_the_event_steps_and_both_ends()
    {
        var records = Records(10_001);

        var thinned = ThinnedMetrics.Thin(records, 50_010, null);

        Assert.Equal(records[0], thinned[0]);
        Assert.Equal(records[^1], thinned[^1]);
        Assert.Contains(thinned, r => r.Step == 50_010); // an event step off the even grid
        Assert.InRange(thinned.Count, ThinnedMetrics.MaxRows, ThinnedMetrics.MaxRows + 1);
        Assert.True(thinned.Zip(thinned.Skip(1)).All(p => p.First.Step < p.Second.Step));
    }

    [Fact]
    public void Short_streams_are_kept_whole_and_written_with_measure_columns()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("grokdsl-thin-").FullName, "metrics.csv");
        MetricRecord[] records =
        [
            new(0, 2.5, 0.1, 2.6, 0.05, 0.01, new Dictionary<string, double> { ["b.x"] = 1, ["a.y"] = 0.5 }),
            new(10, 1.5, 0.4, null, null, 0.02),
        ];

        ThinnedMetrics.Write(path, ThinnedMetrics.Thin(records));

        Assert.Equal(
            ["step,trainLoss,trainAccuracy,testLoss,testAccuracy,wallSeconds,a.y,b.x", "0,2.5,0.1,2.6,0.05,0.01,0.5,1", "10,1.5,0.4,,,0.02,,"],
            File.ReadAllLines(path));
    }
}
