using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Reproductions;

namespace GrokDsl.Runtime.Tests.Reproductions;

public sealed class ReproductionJudgeTests
{
    static readonly RunSelector Baseline = RunSelector.Where<Grokfast2024>("baseline", e => e.Filter == "baseline");
    static readonly RunSelector Ema = RunSelector.Where<Grokfast2024>("ema", e => e.Filter == "ema");

    static ReproducedRun Run(string filter, int seed, RunStatus status, long? grokkedAt, long finalStep = 10_000, IReadOnlyList<MetricRecord>? metrics = null) =>
        new(new Grokfast2024 { Filter = filter, Seed = seed }, new RunDirectory($"/nowhere/{filter}{seed}"),
            new RunSummary
            {
                ExperimentId = "grokfast-2024", RunId = $"{filter}{seed}", Status = status, GrokkedAtStep = grokkedAt, FinalStep = finalStep,
                FinalTrainAccuracy = 1, FinalTestAccuracy = 1, WallSeconds = 1, StepsPerSecond = 1, Device = "cpu",
            },
            metrics ?? []);

    [Fact]
    public void A_speedup_is_the_ratio_of_median_grokking_steps_and_is_judged_against_its_band()
    {
        ReproducedRun[] runs =
        [
            Run("baseline", 0, RunStatus.Grokked, 40_000), Run("baseline", 1, RunStatus.Grokked, 36_000), Run("baseline", 2, RunStatus.Grokked, 44_000),
            Run("ema", 0, RunStatus.Grokked, 900), Run("ema", 1, RunStatus.Grokked, 1_000), Run("ema", 2, RunStatus.Grokked, 1_100),
        ];
        ReproductionTarget[] targets =
        [
            new("speed-up", new GrokkingSpeedup(Baseline, Ema), 43.8, 20, 90, "Table 3"),
            new("baseline steps", new GrokkingStep(Baseline), 39_890, 19_945, 39_000, "Table 3"),
        ];

        var verdicts = ReproductionJudge.Judge(targets, runs);

        Assert.Equal(40.0, verdicts[0].Measured); // medians 40,000 / 1,000
        Assert.Equal(TargetVerdict.Pass, verdicts[0].Verdict);
        Assert.Equal(40_000, verdicts[1].Measured);
        Assert.Equal(TargetVerdict.Miss, verdicts[1].Verdict); // above the (deliberately narrow) band
        Assert.Equal(3, verdicts[1].Runs);
    }

    [Fact]
    public void Censored_runs_count_in_the_median_and_a_majority_censored_has_no_value()
    {
        ReproducedRun[] twoOfThree = [Run("ema", 0, RunStatus.Grokked, 800), Run("ema", 1, RunStatus.Grokked, 1_200), Run("ema", 2, RunStatus.Censored, null)];
        ReproducedRun[] oneOfThree = [Run("ema", 0, RunStatus.Grokked, 800), Run("ema", 1, RunStatus.Censored, null), Run("ema", 2, RunStatus.Censored, null)];
        ReproductionTarget[] target = [new("ema steps", new GrokkingStep(Ema), 910, 455, 1_820, "Table 3")];

        var some = ReproductionJudge.Judge(target, twoOfThree).Single();
        var most = ReproductionJudge.Judge(target, oneOfThree).Single();

        // Kaplan-Meier: survival 2/3 after 800, 1/3 after 1,200, so the median is 1,200.
        Assert.Equal((1_200.0, TargetVerdict.Pass), (some.Measured!.Value, some.Verdict));
        Assert.Contains("1 of 3 runs censored", some.Why);
        Assert.Equal(TargetVerdict.Unknown, most.Verdict);
        Assert.Contains("beyond the budget", most.Why);
    }

    [Fact]
    public void Unfinished_runs_and_empty_selections_are_unknown_not_misses()
    {
        var unfinished = new ReproducedRun(new Grokfast2024 { Filter = "ema" }, new RunDirectory("/nowhere/x"), null, []);
        ReproductionTarget[] targets =
        [
            new("ema", new FractionGrokked(Ema), 1, 1, 1, "Table 3"),
            new("ma", new FractionGrokked(RunSelector.Where<Grokfast2024>("ma", e => e.Filter == "ma")), 1, 1, 1, "Table 3"),
        ];

        var verdicts = ReproductionJudge.Judge(targets, [unfinished]);

        Assert.Equal([TargetVerdict.Unknown, TargetVerdict.Unknown], verdicts.Select(v => v.Verdict));
        Assert.Contains("not finished", verdicts[0].Why);
        Assert.Contains("no run matches ma", verdicts[1].Why);
    }

    [Fact]
    public void First_step_below_reads_the_metric_stream()
    {
        MetricRecord Record(long step, double testLoss) => new(step, 0.1, 1, testLoss, 0.5, step);
        var fast = Run("baseline", 0, RunStatus.Censored, null, 400, [Record(0, 5), Record(100, 2), Record(200, 0.9), Record(300, 0.5)]);
        var slow = Run("baseline", 1, RunStatus.Censored, null, 400, [Record(0, 5), Record(100, 3), Record(200, 1.5), Record(300, 0.8)]);
        ReproductionTarget[] target = [new("test loss < 1", new FirstStepBelow("testLoss", 1.0, RunSelector.All), 250, 200, 300, "Fig. 7")];

        var verdict = ReproductionJudge.Judge(target, [fast, slow]).Single();

        Assert.Equal(200, verdict.Measured); // Kaplan-Meier median of {200, 300}: survival reaches 1/2 at 200
        Assert.Equal(TargetVerdict.Pass, verdict.Verdict);
    }

    [Fact]
    public void A_grokking_delay_divides_the_median_grokking_step_by_the_median_step_a_named_split_saturates()
    {
        MetricRecord Record(long step, double inDistribution) =>
            new(step, 0.1, 1, 1, 0.5, step) { Splits = new Dictionary<string, SplitMetrics> { ["in-distribution"] = new(0.1, inDistribution) } };
        MetricRecord[] saturatesAt200 = [Record(0, 0.1), Record(100, 0.9), Record(200, 0.96), Record(300, 0.99)];
        ReproducedRun[] runs = [Run("baseline", 0, RunStatus.Grokked, 1_000, 2_000, saturatesAt200), Run("baseline", 1, RunStatus.Grokked, 1_200, 2_000, saturatesAt200)];
        ReproductionTarget[] targets =
        [
            new("delay", new GrokkingDelay("splits.in-distribution.accuracy", 0.95, RunSelector.All), double.NaN, 2, double.PositiveInfinity, "§1"),
            new("final in-distribution accuracy", new FinalValue("splits.in-distribution.accuracy", RunSelector.All), 1, 0.98, 1, "§1"),
        ];

        var verdicts = ReproductionJudge.Judge(targets, runs);

        Assert.Equal(5.0, verdicts[0].Measured); // Kaplan-Meier median grokking step 1,000 over saturation at 200
        Assert.Equal(TargetVerdict.Pass, verdicts[0].Verdict);
        Assert.Equal(0.99, verdicts[1].Measured);
        Assert.Equal("(no number)", ReproductionExport.Number(double.NaN));
        Assert.Equal("∞", ReproductionExport.Number(double.PositiveInfinity));
    }

    [Fact]
    public void Every_built_in_reproduction_expands_and_its_selectors_match_runs_of_the_full_variant()
    {
        foreach (var preset in ExperimentCatalog.FromAssembly(typeof(ModularAddition).Assembly).OfType<IReproducible>())
        {
            var reproduction = preset.DescribeReproduction();
            var runs = reproduction.Full.ExpandSweep();
            foreach (var target in reproduction.Targets)
                Assert.True(runs.Any(target.Measure.Runs.Matches), $"{((IExperiment)preset).Info.Id}: '{target.Quantity}' selects no run");
            // NaN: the paper states the effect in words only.
            Assert.True(reproduction.Targets.All(t => double.IsNaN(t.PaperValue) || (t.Low <= t.PaperValue && t.PaperValue <= t.High)), $"{((IExperiment)preset).Info.Id}: a band excludes the paper's value");
        }
    }
}
