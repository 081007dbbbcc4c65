using System.Text.RegularExpressions;
using GrokDsl.Cli.Benchmarks;

namespace GrokDsl.Cli.Tests;

/// <summary><c>grokdsl bench memory</c> and the growth estimate behind its verdict.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BenchMemoryTests
{
    [Fact]
    public void GrowthFollowsASteadyClimbButNotSingleJumps()
    {
        // 2 MiB per 1,000 steps under two allocator-sized jumps, and a flat floor under regular ones.
        var climbing = Enumerable.Range(0, 21).Select(i => ((long)i * 500, 400 + i + (i is 3 or 17 ? 60.0 : 0))).ToList();
        var flatWithJumps = Enumerable.Range(0, 21).Select(i => ((long)i * 500, 400 + (i % 5 == 0 ? 40.0 : 0))).ToList();

        Assert.Equal(2, MemoryTrend.PerThousandSteps(climbing)!.Value, 9);
        Assert.Equal(0, MemoryTrend.PerThousandSteps(flatWithJumps)!.Value, 9);
        Assert.Null(MemoryTrend.PerThousandSteps([(100, 1.0), (100, 2.0)]));
    }

    [Fact]
    public void OnlySamplesAfterWarmupCountAndEachQuantityHasItsLimit()
    {
        MemorySample[] samples =
        [
            new(0, 100, 1, null, 10),       // warm-up: everything grows here
            new(500, 300, 5, null, 40),
            new(1000, 300, 5, null, 40),
            new(1500, 300, 5.5, null, 40),
            new(2000, 300, 6, null, 41),
        ];

        var growth = MemoryTrend.After(1000, samples).ToDictionary(g => g.Quantity);

        Assert.Equal(0, growth["RSS"].PerThousandSteps!.Value, 9);
        Assert.True(growth["RSS"].IsFlat);
        Assert.Equal(1, growth["managed heap"].PerThousandSteps!.Value, 9);
        Assert.False(growth["managed heap"].IsFlat);
        Assert.Null(growth["GPU"].PerThousandSteps);
        Assert.True(growth["GPU"].IsFlat);
        Assert.False(growth["live tensors"].IsFlat);
    }

    [Fact]
    public void BenchMemoryPrintsTheSamplesOfBothTrainingsQuietAndLoadedAndAVerdictItsExitCodeAgreesWith()
    {
        using var cli = new CliHarness();

        var (exitCode, output, _) = cli.Invoke("bench", "memory", "--steps", "40", "--warmup", "20", "--every", "10", "--stack", "2", "--load", "both");

        Assert.Contains("single run, quiet", output, StringComparison.Ordinal);
        Assert.Contains("stacked, R = 2, quiet", output, StringComparison.Ordinal);
        Assert.Contains($"single run, loaded ({Environment.ProcessorCount} busy processes", output, StringComparison.Ordinal);
        Assert.Contains("stacked, R = 2, loaded", output, StringComparison.Ordinal);
        var sampledSteps = Regex.Matches(output, @"^\s+(\d+)\s+\d+\.\d\s", RegexOptions.Multiline).Select(m => long.Parse(m.Groups[1].Value)).ToList();
        long[] oneTraining = [0, 10, 20, 30, 40, 50, 60];
        Assert.Equal([.. oneTraining, .. oneTraining, .. oneTraining, .. oneTraining], sampledSteps);
        Assert.Equal(4, Regex.Matches(output, "growth per 1,000 steps after warm-up: RSS").Count);
        Assert.Equal(4, Regex.Matches(output, @"peak RSS \d+\.\d MiB \(limit 600\): (within|OVER)").Count);
        var verdict = Assert.Single(output.Split('\n'), line => line.StartsWith("verdict: ", StringComparison.Ordinal));
        Assert.Equal(verdict.StartsWith("verdict: flat", StringComparison.Ordinal) ? ExitCodes.Ok : ExitCodes.Failed, exitCode);
    }

    [Theory]
    [InlineData("--every", "15", "--every 15: must be a positive multiple of 10")]
    [InlineData("--steps", "10", "--steps 10: must be at least twice --every (500)")]
    [InlineData("--stack", "-1", "--stack -1: must be 0 (skip) or a number of runs")]
    public void BadOptionsAreRejectedBeforeAnythingTrains(string option, string value, string message)
    {
        using var cli = new CliHarness();

        var (exitCode, output, error) = cli.Invoke("bench", "memory", option, value);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains($"error: {message}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("single run", output, StringComparison.Ordinal);
    }
}
