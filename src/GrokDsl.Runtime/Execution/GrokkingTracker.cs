namespace GrokDsl.Runtime.Execution;

/// <summary>
/// Watches accuracies as they arrive and remembers the first step the model memorized (train
/// accuracy reached its threshold) and grokked (test accuracy reached its threshold).
/// </summary>
public sealed class GrokkingTracker(double memorizationThreshold, double grokkingThreshold)
{
    public long? MemorizedAtStep { get; private set; }
    public long? GrokkedAtStep { get; private set; }

    /// <summary>Records one evaluation; returns what happened first at this step (memorized, grokked, both or none).</summary>
    public MeasureEvents Observe(long step, double trainAccuracy, double? testAccuracy)
    {
        var happened = MeasureEvents.None;
        if (MemorizedAtStep is null && trainAccuracy >= memorizationThreshold) (MemorizedAtStep, happened) = (step, happened | MeasureEvents.Memorized);
        if (GrokkedAtStep is null && testAccuracy >= grokkingThreshold) (GrokkedAtStep, happened) = (step, happened | MeasureEvents.Grokked);
        return happened;
    }

    /// <summary>Continues from a checkpoint's record of what had already happened.</summary>
    public void Restore(long? memorizedAtStep, long? grokkedAtStep) =>
        (MemorizedAtStep, GrokkedAtStep) = (memorizedAtStep, grokkedAtStep);
}
