namespace GrokDsl.Runtime.Tests.Checkpoints;

public sealed class KeepCheckpointScheduleTests
{
    static readonly long[] Steps = [.. Enumerable.Range(0, 31).Select(i => i * 100L)];

    [Fact]
    public void Every_keeps_the_multiples()
    {
        Assert.Equal([0L, 1000, 2000, 3000], new KeepCheckpointSchedule { Every = 1000 }.Kept(Steps).Order());
    }

    [Fact]
    public void Per_decade_keeps_the_first_checkpoint_of_each_log_interval()
    {
        // n = 2: intervals [100, 316), [316, 1000), [1000, 3162): first checkpoints 100, 400, 1000; and step 0.
        Assert.Equal([0L, 100, 400, 1000], new KeepCheckpointSchedule { PerDecade = 2 }.Kept(Steps).Order());
    }

    [Fact]
    public void All_keeps_all_and_the_default_keeps_none()
    {
        Assert.Equal(Steps, KeepCheckpointSchedule.EveryCheckpoint.Kept(Steps).Order());
        Assert.Empty(new KeepCheckpointSchedule().Kept(Steps));
    }
}
