using GrokDsl.Runs;

namespace GrokDsl.Analysis.Dynamics;

/// <summary>
/// Reads the metric trajectories of a sweep's runs from the run store. Only finished runs count (their convergence
/// time is known or censored); every run must carry every metric at the same measured steps, else the message
/// names the run and the metric and how to measure it after the fact.
/// </summary>
public static class SweepTrajectories
{
    public static (IReadOnlyList<RunTrajectory> Runs, IReadOnlyList<string> Skipped) Load(IEnumerable<RunDirectory> directories, IReadOnlyList<string> metrics)
    {
        if (metrics.Count == 0) throw new DynamicsInputException("no metrics given.");
        var runs = new List<RunTrajectory>();
        var skipped = new List<string>();
        foreach (var directory in directories)
        {
            var runId = System.IO.Path.GetFileName(directory.Path);
            if (directory.ReadSummary() is not { } summary)
            {
                skipped.Add($"{runId}: unfinished (no {RunDirectory.SummaryFile})");
                continue;
            }
            if (summary.Status is not (RunStatus.Grokked or RunStatus.Censored))
            {
                skipped.Add($"{runId}: {summary.Status.ToString().ToLowerInvariant()}, neither grokked nor censored");
                continue;
            }
            runs.Add(Trajectory(directory, runId, summary, metrics));
        }
        return (runs, skipped);
    }

    static RunTrajectory Trajectory(RunDirectory directory, string runId, RunSummary summary, IReadOnlyList<string> metrics)
    {
        var records = directory.ReadMetrics(out _)
            .Where(r => r.Measures is { } m && metrics.Any(m.ContainsKey))
            .GroupBy(r => r.Step).Select(g => g.Last()) // a post-hoc pass may repeat a step; its values are the newer
            .OrderBy(r => r.Step)
            .ToList();
        var missing = metrics.FirstOrDefault(key => !records.Any(r => r.Measures!.ContainsKey(key)));
        if (records.Count == 0 || missing is not null)
            throw new DynamicsInputException(
                $"{directory.MetricsPath}: no '{missing ?? metrics[0]}' values. Record them while training (add the measure to the " +
                $"experiment's Measures) or measure the stored checkpoints: grokdsl measure {System.IO.Path.GetDirectoryName(directory.Path)} --measures {missing?.Split('.')[0] ?? metrics[0].Split('.')[0]}");

        var rows = new List<double[]>();
        var steps = new List<long>();
        foreach (var record in records)
        {
            var row = new double[metrics.Count];
            for (var j = 0; j < metrics.Count; j++)
            {
                if (!record.Measures!.TryGetValue(metrics[j], out var value))
                    throw new DynamicsInputException($"{directory.MetricsPath}: step {record.Step} has some of the metrics but not '{metrics[j]}'; every measured step needs all of them.");
                if (!double.IsFinite(value))
                    throw new DynamicsInputException($"{directory.MetricsPath}: '{metrics[j]}' is {value} at step {record.Step}; leave the metric out (--metrics) or the run out of the sweep.");
                row[j] = value;
            }
            rows.Add(row);
            steps.Add(record.Step);
        }
        var converged = summary.Status == RunStatus.Grokked && summary.GrokkedAtStep is not null;
        return new RunTrajectory(runId, steps, rows, converged ? summary.GrokkedAtStep!.Value : summary.FinalStep, converged);
    }
}
