using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Runtime.Tests.Execution;

/// <summary>The progress line shared by the terminal and log.txt.</summary>
public sealed class ProgressTextTests
{
    [Fact]
    public void ASlowRunShowsItsStepsPerSecondToOneDecimal_NotZero()
    {
        var tracker = new GrokkingTracker(0.99, 0.95);
        tracker.Restore(memorizedAtStep: 200, grokkedAtStep: null);

        var line = ProgressText.Describe(new MetricRecord(700, 0.0002, 1.0, 25.1, 0.011, 200.0), tracker);

        Assert.Equal("step    700  train 100.0%  test   1.1%  loss   0.0002     3.5 steps/s  memorized@200", line);
    }
}
