using GrokDsl.Runs;

namespace GrokDsl.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class RunsSeedsTests
{
    static void Store(CliHarness cli, string runId, double weightDecay, int seed, RunStatus status, long finalStep, long? grokked)
    {
        var directory = RunDirectory.For(cli.Runs, "modular-addition", runId);
        Directory.CreateDirectory(directory.Path);
        directory.WriteConfiguration($$"""{ "Experiment": "modular-addition", "Optimizer": { "WeightDecay": {{weightDecay}} }, "Seed": {{seed}} }""");
        directory.WriteSummary(new RunSummary
        {
            ExperimentId = "modular-addition", RunId = runId, Status = status, GrokkedAtStep = grokked, FinalStep = finalStep,
            FinalTrainAccuracy = 1, FinalTestAccuracy = 1, WallSeconds = 1, StepsPerSecond = 1, Device = "cpu",
        });
    }

    [Fact]
    public void SeedsAggregatesEachSettingOverItsSeedsCountingNonGrokkingRunsAsCensored()
    {
        using var cli = new CliHarness();
        Store(cli, "a1", 1, 1, RunStatus.Grokked, 1200, 1000);
        Store(cli, "a2", 1, 2, RunStatus.Grokked, 3200, 3000);
        Store(cli, "a3", 1, 3, RunStatus.Censored, 5000, null);
        Store(cli, "b1", 0, 1, RunStatus.Censored, 5000, null);

        var (exitCode, output, error) = cli.Invoke("runs", "seeds", "--runs", cli.Runs);

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.Contains("2/3") && l.Contains("3000") && l.Contains("Optimizer.WeightDecay=1"));
        Assert.Contains(lines, l => l.Contains("0/1") && l.Contains(" > ") && l.Contains("Optimizer.WeightDecay=0"));
        Assert.Contains("2 setting(s)", output);
    }
}
