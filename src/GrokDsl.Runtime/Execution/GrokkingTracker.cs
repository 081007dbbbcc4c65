namespace GrokDsl.Runtime.Execution;

/// <summary>
/// Watches accuracies as they arrive and remembers the first step the model memorized (train
/// accuracy reached its threshold) and grokked (test accuracy reached its threshold).
/// </summary>
public sealed class GrokkingTracker(double memorizationThreshold, double grokkingThreshold)
{
    public long? MemorizedAtStep { get; private set; }
    public long? GrokkedAtStep { get; private set; }

    public void Observe(long step, double trainAccuracy, double? testAccuracy)
    {
        if (MemorizedAtStep is null && trainAccuracy >= memorizationThreshold) MemorizedAtStep = step;
        if (GrokkedAtStep is null && testAccuracy >= grokkingThreshold) GrokkedAtStep = step;
    }

    /// <summary>Continues from a checkpoint's record of what had already happened.</summary>
    public void Restore(long? memorizedAtStep, long? grokkedAtStep) =>
        (MemorizedAtStep, GrokkedAtStep) = (memorizedAtStep, grokkedAtStep);
}
