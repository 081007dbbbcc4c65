namespace GrokDsl.Cli.Tests;

/// <summary><c>grokdsl bench cpu</c>: bad input is refused before anything trains (its figures are the benchmark's, not a test's).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BenchCpuTests
{
    [Fact]
    public void ZeroTimedStepsAreRejectedBeforeAnythingTrains()
    {
        using var cli = new CliHarness();

        var (exitCode, output, error) = cli.Invoke("bench", "cpu", "--steps", "0", "--no-pytorch");

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("error: --steps 0: must be at least 1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ceiling", output, StringComparison.Ordinal);
    }
}
