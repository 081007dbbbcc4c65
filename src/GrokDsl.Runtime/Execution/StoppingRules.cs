namespace GrokDsl.Runtime.Execution;

/// <summary>When a run's <see cref="Stopping"/> rules end it; shared by single and stacked training.</summary>
public static class StoppingRules
{
    /// <summary>Grokked and past its patience, over the wall-clock budget, or at the step budget.</summary>
    public static bool IsReached(this Stopping stopping, long step, double wallSeconds, long? grokkedAtStep)
    {
        if (stopping.StopAfterGrokking && grokkedAtStep is { } grokked && step >= grokked + stopping.Patience) return true;
        if (stopping.MaxWallSeconds > 0 && wallSeconds >= stopping.MaxWallSeconds) return true;
        return step >= stopping.MaxSteps;
    }
}
