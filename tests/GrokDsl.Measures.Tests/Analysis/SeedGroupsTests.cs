using GrokDsl.Analysis;
using GrokDsl.Runs;

namespace GrokDsl.Measures.Tests.Analysis;

public sealed class SeedGroupsTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("grokdsl-seeds-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    void Store(string runId, double weightDecay, int seed, RunStatus? status, long finalStep, long? grokked = null)
    {
        var directory = RunDirectory.For(_root, "modular-addition", runId);
        Directory.CreateDirectory(directory.Path);
        directory.WriteConfiguration($$"""{ "Experiment": "modular-addition", "Optimizer": { "WeightDecay": {{weightDecay}} }, "Seed": {{seed}} }""");
        if (status is { } s)
            directory.WriteSummary(new RunSummary
            {
                ExperimentId = "modular-addition", RunId = runId, Status = s, GrokkedAtStep = grokked, FinalStep = finalStep,
                FinalTrainAccuracy = 1, FinalTestAccuracy = grokked is null ? 0.1 : 1, WallSeconds = 1, StepsPerSecond = 1, Device = "cpu",
            });
    }

    [Fact]
    public void Runs_group_by_every_setting_but_the_seed_and_censoring_keeps_non_grokking_runs()
    {
        Store("a1", 1.0, 1, RunStatus.Grokked, 1200, grokked: 1000);
        Store("a2", 1.0, 2, RunStatus.Grokked, 3200, grokked: 3000);
        Store("a3", 1.0, 3, RunStatus.Censored, 5000);
        Store("a4", 1.0, 4, RunStatus.Failed, 10);
        Store("a5", 1.0, 5, status: null, finalStep: 0);   // still running
        Store("b1", 0.0, 1, RunStatus.Censored, 5000);
        Store("b2", 0.0, 2, RunStatus.Diverged, 70);

        var groups = SeedGroups.Aggregate(RunStore.List(_root));

        Assert.Equal(2, groups.Count);
        var (noDecay, decay) = (groups.Single(g => g.Settings["Optimizer.WeightDecay"] == "0"), groups.Single(g => g.Settings["Optimizer.WeightDecay"] == "1"));
        Assert.False(decay.Settings.ContainsKey("Seed"));
        Assert.Equal(["a1", "a2", "a3", "a4", "a5"], decay.Runs.Select(r => r.RunId));
        Assert.Equal(2, decay.Excluded);
        var stats = decay.Statistics!;
        Assert.Equal((3, 2), (stats.Runs, stats.Grokked));
        Assert.Equal(2.0 / 3, stats.FractionGrokked, 12);
        // Kaplan–Meier: S(1000) = 2/3, S(3000) = 1/3 → median 3000 (a plain median of the grokked runs would say 2000).
        Assert.Equal(3000, stats.MedianGrokkingStep.Estimate);

        // Neither grokked; the diverged run is censored at the group's horizon (5000), not at step 70.
        Assert.Equal((2, 0), (noDecay.Statistics!.Runs, noDecay.Statistics.Grokked));
        Assert.Null(noDecay.Statistics.MedianGrokkingStep.Estimate);
        Assert.All(noDecay.Statistics.Survival.Points, p => Assert.Equal(5000, p.Step));
    }
}
