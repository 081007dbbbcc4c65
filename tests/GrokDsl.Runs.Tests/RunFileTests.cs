namespace GrokDsl.Runs.Tests;

/// <summary>Every file of the run store is read through one reader that names the file and the problem.</summary>
public sealed class RunFileTests
{
    static RunDirectory Run(TempFolder root)
    {
        var directory = RunDirectory.For(root.Path, "lab", "abc");
        Directory.CreateDirectory(directory.Path);
        directory.WriteConfiguration("{}");
        return directory;
    }

    [Theory]
    [InlineData("{ \"experimentId\": ", "not valid JSON")]
    [InlineData("   ", "is empty")]
    [InlineData("null", "holds null instead of a record")]
    [InlineData("{ \"experimentId\": \"lab\" }", "not valid JSON")]
    public void ADamagedSummary_IsReportedWithItsPathAndTheProblem_NotAsABareJsonException(string text, string problem)
    {
        using var root = new TempFolder();
        var directory = Run(root);
        File.WriteAllText(directory.SummaryPath, text);

        var error = Assert.Throws<DamagedRunFileException>(directory.ReadSummary);

        Assert.StartsWith($"{directory.SummaryPath}: {problem}", error.Message);
        Assert.Equal(directory.SummaryPath, error.FilePath);
    }

    [Fact]
    public void ADamagedEnvironment_IsReportedWithItsPath()
    {
        using var root = new TempFolder();
        var directory = Run(root);
        File.WriteAllText(directory.EnvironmentPath, "{");

        Assert.StartsWith($"{directory.EnvironmentPath}: not valid JSON", Assert.Throws<DamagedRunFileException>(directory.ReadEnvironment).Message);
    }

    [Fact]
    public void TheListingShowsADamagedRunAsDamaged_AndFiltersOnIt()
    {
        using var root = new TempFolder();
        File.WriteAllText(Run(root).SummaryPath, "{ \"status\": ");

        var entry = Assert.Single(RunStore.List(root.Path));

        Assert.StartsWith("damaged (summary.json: not valid JSON", entry.Status);
        Assert.Single(RunStore.List(root.Path, new RunFilter(Status: "damaged")));
        Assert.Empty(RunStore.List(root.Path, new RunFilter(Status: "unfinished")));
    }

    [Fact]
    public void ATornLastMetricsLine_IsReportedApartFromDamageFurtherUp()
    {
        using var root = new TempFolder();
        var directory = Run(root);
        File.WriteAllText(directory.MetricsPath,
            "{\"step\":0,\"trainLoss\":1,\"trainAccuracy\":0,\"wallSeconds\":0}\n" +
            "garbage\n" +
            "{\"step\":5,\"trainLoss\":1,\"trainAccuracy\":0,\"wallSeconds\":0}\n" +
            "{\"step\":10,\"trainLo");

        var reading = directory.ReadMetrics();

        Assert.Equal([0L, 5], reading.Records.Select(static r => r.Step));
        Assert.True(reading.TornLastLine);
        Assert.Equal([2], reading.DamagedLines);
        Assert.Equal(
            [$"{directory.MetricsPath}: the last line is torn (cut short mid-record by a crash); it was left out, 2 record(s) read",
             $"{directory.MetricsPath}: line(s) 2 are not valid records and were left out"],
            reading.Problems);
    }

    [Fact]
    public void AnIntactMetricsStream_HasNoProblems()
    {
        using var root = new TempFolder();
        var directory = Run(root);
        File.WriteAllText(directory.MetricsPath, "{\"step\":0,\"trainLoss\":1,\"trainAccuracy\":0,\"wallSeconds\":0}\n");

        Assert.Empty(directory.ReadMetrics().Problems);
    }
}
