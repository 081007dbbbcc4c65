using GrokDsl.Analysis.Dynamics;
using GrokDsl.Runs;

namespace GrokDsl.Measures.Tests.Analysis.Dynamics;

public sealed class SweepTrajectoriesTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("grokdsl-dynamics-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    RunDirectory Run(string id, RunStatus status, Func<long, IReadOnlyDictionary<string, double>?> measures, long? grokkedAt = 200)
    {
        var run = new RunDirectory(Path.Combine(_root, "exp", id));
        Directory.CreateDirectory(run.Path);
        run.WriteConfiguration("{}");
        using (var metrics = MetricsFile.Create(run.MetricsPath))
            for (var step = 0L; step <= 300; step += 100)
                metrics.Append(new MetricRecord(step, 1, 0.5, 1, 0.5, step, measures(step)));
        run.WriteSummary(new RunSummary
        {
            ExperimentId = "exp", RunId = id, Status = status, GrokkedAtStep = status == RunStatus.Grokked ? grokkedAt : null,
            FinalStep = 300, FinalTrainAccuracy = 1, FinalTestAccuracy = 1, WallSeconds = 1, StepsPerSecond = 300, Device = "cpu",
        });
        return run;
    }

    [Fact]
    public void Reads_the_metrics_and_the_convergence_step_of_finished_runs()
    {
        var grokked = Run("a", RunStatus.Grokked, step => new Dictionary<string, double> { ["m.x"] = step, ["m.y"] = -step });
        var censored = Run("b", RunStatus.Censored, step => new Dictionary<string, double> { ["m.x"] = 1, ["m.y"] = 2 });
        var diverged = Run("c", RunStatus.Diverged, step => new Dictionary<string, double> { ["m.x"] = 1, ["m.y"] = 2 });

        var (runs, skipped) = SweepTrajectories.Load([grokked, censored, diverged], ["m.x", "m.y"]);

        Assert.Equal(["a", "b"], runs.Select(r => r.RunId));
        Assert.Equal([0L, 100, 200, 300], runs[0].Steps);
        Assert.Equal([300.0, -300.0], runs[0].Rows[3]);
        Assert.Equal((200, true), (runs[0].ConvergedAtStep, runs[0].Converged));
        Assert.Equal((300, false), (runs[1].ConvergedAtStep, runs[1].Converged)); // censored at its last step
        Assert.Contains(skipped, s => s.StartsWith("c: diverged"));
    }

    [Fact]
    public void A_missing_metric_names_the_file_and_the_measure_command()
    {
        var run = Run("a", RunStatus.Grokked, _ => new Dictionary<string, double> { ["weight-norm.total"] = 1 });

        var error = Assert.Throws<DynamicsInputException>(() => SweepTrajectories.Load([run], ["weight-statistics.all.l1"]));

        Assert.Contains(run.MetricsPath, error.Message);
        Assert.Contains("grokdsl measure", error.Message);
        Assert.Contains("--measures weight-statistics", error.Message);
    }

    [Fact]
    public void A_NaN_metric_is_refused_with_its_step()
    {
        var run = Run("a", RunStatus.Grokked, step => new Dictionary<string, double> { ["m.x"] = step == 200 ? double.NaN : 1 });

        var error = Assert.Throws<DynamicsInputException>(() => SweepTrajectories.Load([run], ["m.x"]));

        Assert.Contains("NaN at step 200", error.Message);
    }
}
