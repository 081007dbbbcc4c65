namespace GrokDsl.Reporting.Tests;

public sealed class ReportWatchTests
{
    [Fact]
    public async Task Renders_until_everything_has_finished()
    {
        var renders = 0;

        var result = await ReportWatch.RunAsync(() => ++renders == 3, TimeSpan.FromMilliseconds(1), CancellationToken.None);

        Assert.Equal((3, true), result);
        Assert.Equal(3, renders);
    }

    [Fact]
    public async Task Stops_when_cancelled_between_renders()
    {
        using var cancellation = new CancellationTokenSource();

        var result = await ReportWatch.RunAsync(() => { cancellation.Cancel(); return false; }, TimeSpan.FromMinutes(5), cancellation.Token);

        Assert.Equal((1, false), result);
    }

    [Fact]
    public async Task A_non_positive_interval_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ReportWatch.RunAsync(() => true, TimeSpan.Zero, CancellationToken.None));
    }
}
