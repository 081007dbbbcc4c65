namespace GrokDsl.Runs.Tests;

public sealed class MetricsFileTests
{
    static MetricRecord Record(long step) => new(step, 1.0 / (step + 1), step / 100.0, 2.0, 0.5, step * 0.1);

    [Fact]
    public void ATornLastLineIsSkippedAndCounted()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "metrics.jsonl");
        using (var metrics = MetricsFile.Create(path))
            for (var step = 0; step < 3; step++) metrics.Append(Record(step * 10));
        File.AppendAllText(path, "{\"step\":30,\"trainLo");

        var records = MetricsFile.Read(path, out var skipped);

        Assert.Equal([0L, 10, 20], records.Select(r => r.Step));
        Assert.Equal(1, skipped);
    }

    [Fact]
    public void ResumingDropsEverythingFromTheCheckpointStepOnAndAppendsAfterIt()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "metrics.jsonl");
        using (var metrics = MetricsFile.Create(path))
            for (var step = 0; step <= 50; step += 10) metrics.Append(Record(step));
        File.AppendAllText(path, "{\"torn");

        using (var resumed = MetricsFile.Resume(path, resumeStep: 30)) resumed.Append(Record(30));

        Assert.Equal([0L, 10, 20, 30], MetricsFile.Read(path, out var skipped).Select(r => r.Step));
        Assert.Equal(0, skipped);
    }

    [Fact]
    public void NonFiniteLossesRoundTrip()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "metrics.jsonl");
        using (var metrics = MetricsFile.Create(path)) metrics.Append(Record(0) with { TrainLoss = double.NaN, TestLoss = double.PositiveInfinity });

        var record = Assert.Single(MetricsFile.Read(path, out _));

        Assert.True(double.IsNaN(record.TrainLoss));
        Assert.Equal(double.PositiveInfinity, record.TestLoss);
    }
}
