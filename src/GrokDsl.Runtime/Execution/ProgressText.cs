using System.Globalization;
using GrokDsl.Runs;

namespace GrokDsl.Runtime.Execution;

/// <summary>One line of run progress, shared by the progress bar, the plain log lines and each run's log.txt.</summary>
public static class ProgressText
{
    public static string Describe(MetricRecord record, GrokkingTracker tracker)
    {
        // One decimal: a Nanda-sized transformer trains at a few steps/s on a laptop CPU, which "0 steps/s" hid.
        var stepsPerSecond = record.WallSeconds > 0 ? record.Step / record.WallSeconds : 0;
        var test = record.TestAccuracy is { } accuracy ? Percent(accuracy) : "   -  ";
        var phase = tracker.GrokkedAtStep is { } g ? $"grokked@{g}" : tracker.MemorizedAtStep is { } m ? $"memorized@{m}" : "learning";
        return string.Create(CultureInfo.InvariantCulture,
            $"step {record.Step,6}  train {Percent(record.TrainAccuracy)}  test {test}  loss {record.TrainLoss,8:0.0000}  {stepsPerSecond,6:0.0} steps/s  {phase}");
    }

    static string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{value * 100,5:0.0}%");
}
