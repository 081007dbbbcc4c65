namespace GrokDsl.Analysis;

/// <summary>When a run memorized and grokked.</summary>
/// <param name="MemorizationStep">First step with train accuracy at or above the threshold, or null.</param>
/// <param name="GrokkingStep">The grokking step by the criteria, or null when the run never grokked.</param>
/// <param name="LastStep">The run's last step.</param>
public sealed record GrokkingTimeline(long? MemorizationStep, long? GrokkingStep, long LastStep)
{
    public bool Grokked => GrokkingStep is not null;

    /// <summary>A run that never grokked is right-censored at its last step.</summary>
    public bool Censored => !Grokked;

    /// <summary>t_grok − t_mem, when both exist.</summary>
    public long? Gap => GrokkingStep - MemorizationStep;

    /// <summary>t_grok / t_mem, when both exist and t_mem &gt; 0.</summary>
    public double? Ratio => GrokkingStep is { } g && MemorizationStep is { } m && m > 0 ? (double)g / m : null;

    /// <summary>The run as a survival observation: the grokking step, or censored at the last step.</summary>
    public GrokkingTime Outcome => new(GrokkingStep ?? LastStep, Grokked);
}
