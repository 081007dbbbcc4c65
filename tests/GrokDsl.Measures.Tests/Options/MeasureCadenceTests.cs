namespace GrokDsl.Measures.Tests.Options;

public sealed class MeasureCadenceTests
{
    [Fact]
    public void Every_n_steps_by_default_and_always_at_step_zero()
    {
        var cadence = new MeasureCadence();

        Assert.Equal([0L, 100, 200, 300], cadence.DueSteps(399));
        Assert.False(cadence.IsDue(-100));
    }

    [Fact]
    public void Dense_early_then_sparse()
    {
        var cadence = new MeasureCadence { Every = 100, DenseUntil = 50, DenseEvery = 10 };

        Assert.Equal([0L, 10, 20, 30, 40, 100, 200], cadence.DueSteps(250));
    }

    [Fact]
    public void Log_spaced_gives_about_ten_steps_per_decade()
    {
        var cadence = new MeasureCadence { Every = 0, PointsPerDecade = 10 };

        Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 32, 40, 50, 63, 79, 100], cadence.DueSteps(100));
        Assert.True(cadence.IsDue(1_000_000));
        Assert.True(cadence.IsDue(12_589));   // round(10^4.1)
        Assert.False(cadence.IsDue(12_590));
    }

    [Fact]
    public void Explicit_steps_and_events()
    {
        var cadence = new MeasureCadence { Every = 0, Steps = [7, 12_345] };

        Assert.Equal([0L, 7], cadence.DueSteps(100));
        Assert.True(cadence.IsDue(12_345));
        Assert.True(cadence.IsDue(55, MeasureEvents.Grokked));
        Assert.False(cadence.IsDue(55, MeasureEvents.None));
        Assert.False((cadence with { Events = MeasureEvents.Final }).IsDue(55, MeasureEvents.Memorized));
        Assert.True((cadence with { Events = MeasureEvents.Final }).IsDue(55, MeasureEvents.Memorized | MeasureEvents.Final));
    }
}
