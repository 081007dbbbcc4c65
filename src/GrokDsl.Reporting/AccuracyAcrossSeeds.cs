using GrokDsl.Analysis;

namespace GrokDsl.Reporting;

/// <summary>Test accuracy across the seeds of one setting at one step.</summary>
/// <param name="Step">The step.</param>
/// <param name="Runs">How many runs had a value at or before the step.</param>
/// <param name="Median">The median over those runs.</param>
/// <param name="Q1">The first quartile (type-7 quantile).</param>
/// <param name="Q3">The third quartile.</param>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (0 with one run).</param>
public sealed record AccuracyAcrossSeeds(long Step, int Runs, double Median, double Q1, double Q3, double Mean, double StandardDeviation)
{
    /// <summary>
    /// Test accuracy across a setting's runs at every step any of them evaluated. Each run counts with its latest
    /// value at or before the step (last observation carried forward), so a run that stopped early, e.g. right
    /// after grokking, keeps its last accuracy instead of dropping out and skewing the statistic.
    /// </summary>
    public static IReadOnlyList<AccuracyAcrossSeeds> Of(IReadOnlyList<LoadedRun> runs)
    {
        var series = runs.Select(run => MetricSeries.TestAccuracy(run.Metrics).Where(p => p.Step > 0).ToArray()).Where(s => s.Length > 0).ToList();
        var steps = series.SelectMany(s => s.Select(p => p.Step)).Distinct().Order().ToList();
        var rows = new List<AccuracyAcrossSeeds>(steps.Count);
        var cursors = new int[series.Count];
        foreach (var step in steps)
        {
            var values = new List<double>(series.Count);
            for (var r = 0; r < series.Count; r++)
            {
                while (cursors[r] + 1 < series[r].Length && series[r][cursors[r] + 1].Step <= step) cursors[r]++;
                if (series[r][cursors[r]].Step <= step) values.Add(series[r][cursors[r]].Value);
            }
            values.Sort();
            var average = values.Average();
            var deviation = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - average) * (v - average)) / (values.Count - 1));
            rows.Add(new AccuracyAcrossSeeds(
                step, values.Count, Bootstrap.Quantile(values, 0.5), Bootstrap.Quantile(values, 0.25), Bootstrap.Quantile(values, 0.75), average, deviation));
        }
        return rows;
    }
}

