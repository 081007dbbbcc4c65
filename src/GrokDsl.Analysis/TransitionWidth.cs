namespace GrokDsl.Analysis;

/// <summary>How long a rising curve took to go from its low to its high level.</summary>
/// <param name="LowStep">Start of the final ascent: the earliest step from which the curve stays at or above the low level until <paramref name="HighStep"/>.</param>
/// <param name="HighStep">First step at or above the high level.</param>
/// <param name="LowLevel">min + low·(max − min).</param>
/// <param name="HighLevel">min + high·(max − min).</param>
public sealed record TransitionWidth(long LowStep, long HighStep, double LowLevel, double HighLevel)
{
    /// <summary>HighStep − LowStep, in steps.</summary>
    public long Width => HighStep - LowStep;

    /// <summary>The same width in decades of steps, log10(HighStep / LowStep); null when LowStep is 0.</summary>
    public double? WidthDecades => LowStep > 0 ? Math.Log10((double)HighStep / LowStep) : null;
}
