using System.Text.Json;
using GrokDsl.Analysis.Dynamics;
using GrokDsl.Analysis.Prediction;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Tests;

/// <summary>
/// <c>grokdsl dynamics</c> and <c>grokdsl predict</c> on sweep folders written by hand (no training): they write
/// their JSON and a sweep report with the dynamics section, and refuse what they cannot analyse with what to do.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AnalysisCommandTests
{
    // Eight runs: half pass through a detour level of the metrics (m.a high, m.b low) and grok later.
    static string WriteSweep(CliHarness cli, bool withMetrics = true)
    {
        var sweep = Path.Combine(cli.Runs, "lab");
        var random = new Random(1);
        for (var r = 0; r < 8; r++)
        {
            var slow = r % 2 == 1;
            var run = new RunDirectory(Path.Combine(sweep, $"run{r}"));
            Directory.CreateDirectory(run.Path);
            run.WriteConfiguration($$"""{"seed": {{r}}}""");
            var grokkedAt = slow ? 5000 : 2500;
            var censored = r is 5 or 7;
            using (var metrics = MetricsFile.Create(run.MetricsPath))
                for (var step = 0L; step <= 6000; step += 100)
                {
                    var (a, b) = step < 1500 ? (0.0, 0.0) : slow && step < 3000 ? (4.0, 0.0) : (4.0, 4.0);
                    var measures = withMetrics
                        ? new Dictionary<string, double> { ["m.a"] = a + 0.1 * random.NextDouble(), ["m.b"] = b + 0.1 * random.NextDouble() }
                        : new Dictionary<string, double> { ["weight-norm.total"] = 1 };
                    // The early loss of the runs that grok oscillates; that of the censored ones descends smoothly.
                    var loss = Math.Exp(-step / 2000.0) * (censored ? 1 : 1 + 0.3 * Math.Sin(step / 150.0));
                    metrics.Append(new MetricRecord(step, loss, 0.9, 1, step >= grokkedAt ? 1 : 0.1, step, measures));
                }
            run.WriteSummary(new RunSummary
            {
                ExperimentId = "lab", RunId = $"run{r}", Status = censored ? RunStatus.Censored : RunStatus.Grokked,
                GrokkedAtStep = censored ? null : grokkedAt, FinalStep = 6000, FinalTrainAccuracy = 1, FinalTestAccuracy = 1,
                WallSeconds = 1, StepsPerSecond = 6000, Device = "cpu",
            });
        }
        return sweep;
    }

    [Fact]
    public void Dynamics_writes_the_model_and_adds_a_section_to_the_sweep_report()
    {
        using var cli = new CliHarness();
        var sweep = WriteSweep(cli);

        var (exitCode, output, error) = cli.Invoke("dynamics", sweep, "--metrics", "m.a,m.b", "--states", "1..4", "--standardize", "Pooled", "--restarts", "2");

        Assert.True(exitCode == 0, error);
        var result = JsonSerializer.Deserialize<DynamicsResult>(File.ReadAllText(Path.Combine(sweep, DynamicsFile.FileName)), RunJson.Indented)!;
        Assert.Equal(3, result.ChosenStates);
        Assert.Equal(["m.a", "m.b"], result.Metrics);
        Assert.Equal(8, result.Runs.Count);
        Assert.Single(result.Detours);
        Assert.Contains("model selection", output);
        var report = File.ReadAllText(Path.Combine(sweep, RunDirectory.ReportFile));
        Assert.Contains("Training dynamics", report);
        Assert.Contains("chart-dynamics-map", report);
        Assert.Contains("States and detours", report);
    }

    [Fact]
    public void Dynamics_without_the_metrics_says_how_to_measure_them()
    {
        using var cli = new CliHarness();
        var sweep = WriteSweep(cli, withMetrics: false);

        var (exitCode, _, error) = cli.Invoke("dynamics", sweep);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("weight-statistics.all.l1", error);
        Assert.Contains($"grokdsl measure {sweep} --measures weight-statistics", error);
        Assert.False(File.Exists(Path.Combine(sweep, DynamicsFile.FileName)));
    }

    [Fact]
    public void Dynamics_refuses_a_folder_without_runs_and_a_bad_state_range()
    {
        using var cli = new CliHarness();
        var sweep = WriteSweep(cli);

        Assert.Equal(ExitCodes.InvalidExperiment, cli.Invoke("dynamics", cli.Folder).ExitCode);
        var (exitCode, _, error) = cli.Invoke("dynamics", sweep, "--metrics", "m.a", "--states", "5..2");
        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("--states 5..2", error);
    }

    [Fact]
    public void Predict_scores_early_oscillation_and_reports_an_auc_with_its_interval()
    {
        using var cli = new CliHarness();
        var sweep = WriteSweep(cli);

        var (exitCode, output, error) = cli.Invoke("predict", sweep, "--first-steps", "2000");

        Assert.True(exitCode == 0, error);
        var result = JsonSerializer.Deserialize<PredictionResult>(File.ReadAllText(Path.Combine(sweep, PredictionFile.FileName)), RunJson.Indented)!;
        Assert.Equal(8, result.Runs.Count);
        // Every grokked run oscillates and both censored runs (5, 7) descend smoothly: a perfect separation.
        Assert.Equal(1.0, result.Auc!.Estimate);
        Assert.Equal(1.0, result.Auc.Lower);
        Assert.True(result.Runs.Single(r => r.RunId == "run7").Feature < 1e-9);
        Assert.Contains("AUC", output);
        Assert.Contains("Early-loss AUC", File.ReadAllText(Path.Combine(sweep, RunDirectory.ReportFile)));
    }

    [Fact]
    public void Predict_without_censored_runs_names_what_is_missing()
    {
        using var cli = new CliHarness();
        var sweep = WriteSweep(cli);
        foreach (var id in new[] { "run5", "run7" })
        {
            var run = new RunDirectory(Path.Combine(sweep, id));
            run.WriteSummary(run.ReadSummary()! with { Status = RunStatus.Grokked, GrokkedAtStep = 5000 });
        }

        var (exitCode, output, _) = cli.Invoke("predict", sweep, "--first-steps", "2000");

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("8 grokked and 0 censored", output);
    }

    [Fact]
    public void Predict_with_a_budget_counts_runs_that_grokked_later_as_censored_there()
    {
        using var cli = new CliHarness();
        var sweep = WriteSweep(cli);
        foreach (var id in new[] { "run5", "run7" })
        {
            var run = new RunDirectory(Path.Combine(sweep, id));
            run.WriteSummary(run.ReadSummary()! with { Status = RunStatus.Grokked, GrokkedAtStep = 5000 });
        }

        // By step 4,000 only the fast runs (0, 2, 4, 6: grokked at 2,500) have grokked; 1, 3, 5 and 7 are censored.
        var (exitCode, output, error) = cli.Invoke("predict", sweep, "--first-steps", "2000", "--budget", "4000");

        Assert.True(exitCode == 0, error + output);
        var result = JsonSerializer.Deserialize<PredictionResult>(File.ReadAllText(Path.Combine(sweep, PredictionFile.FileName)), RunJson.Indented)!;
        Assert.Equal(4000, result.Budget);
        Assert.Equal(["run0", "run2", "run4", "run6"], result.Runs.Where(r => r.Grokked).Select(r => r.RunId).Order());
        Assert.All(result.Runs.Where(r => !r.Grokked), r => Assert.Null(r.GrokkedAtStep));
        Assert.NotNull(result.Auc);

        var (refused, _, message) = cli.Invoke("predict", sweep, "--first-steps", "2000", "--budget", "1500");
        Assert.Equal(ExitCodes.InvalidExperiment, refused);
        Assert.Contains("--budget must lie after", message);
    }
}
