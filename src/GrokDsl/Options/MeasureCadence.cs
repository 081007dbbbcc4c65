namespace GrokDsl;

/// <summary>Training events at which a measurement can be due, whatever the step.</summary>
[Flags]
public enum MeasureEvents
{
    None = 0,

    /// <summary>The first step at which train accuracy reached the memorization threshold.</summary>
    Memorized = 1,

    /// <summary>The first step at which test accuracy reached the grokking threshold.</summary>
    Grokked = 2,

    /// <summary>The run's last step, whatever ended it.</summary>
    Final = 4,
}

/// <summary>
/// When progress measures run. The rules combine: a step is due when any of them selects it. Dense
/// early and log-spaced later is how Omnigrok logs (Liu et al. 2023, <c>mnist-grokking.ipynb</c>),
/// because the interesting early dynamics are short and the late ones long. Step 0 is always due,
/// so that every curve starts at initialization.
/// </summary>
public sealed record MeasureCadence
{
    /// <summary>Every this many steps (0: off).</summary>
    [Range(Min = 0)]
    public int Every { get; init; } = 100;

    /// <summary>Every <see cref="DenseEvery"/> steps while the step is below this (0: off).</summary>
    [Range(Min = 0)]
    public long DenseUntil { get; init; }

    /// <summary>The spacing of the dense early phase.</summary>
    [Range(Min = 1)]
    public int DenseEvery { get; init; } = 10;

    /// <summary>
    /// Log-spaced steps: round(10^(i / n)) for i = 0, 1, 2, …, with n this value (0: off). With 10, about
    /// ten measurements per decade: 1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 32, …
    /// </summary>
    [Range(Min = 0)]
    public int PointsPerDecade { get; init; }

    /// <summary>Explicit steps.</summary>
    public IReadOnlyList<long> Steps { get; init; } = [];

    /// <summary>Events at which a measurement is due (see <see cref="IsDue(long, MeasureEvents)"/>).</summary>
    public MeasureEvents Events { get; init; } = MeasureEvents.Memorized | MeasureEvents.Grokked | MeasureEvents.Final;

    /// <summary>Whether the step rules select <paramref name="step"/>.</summary>
    public bool IsDue(long step)
    {
        if (step < 0) return false;
        if (step == 0) return true;
        if (Every > 0 && step % Every == 0) return true;
        if (DenseUntil > 0 && step < DenseUntil && step % DenseEvery == 0) return true;
        if (PointsPerDecade > 0 && IsLogSpaced(step, PointsPerDecade)) return true;
        return Steps.Contains(step);
    }

    /// <summary>
    /// Whether <paramref name="step"/> is due by the step rules or because one of <paramref name="happened"/>
    /// (the events that occur at this step) is in <see cref="Events"/>.
    /// </summary>
    public bool IsDue(long step, MeasureEvents happened) => IsDue(step) || (Events & happened) != MeasureEvents.None;

    /// <summary>The steps in [0, <paramref name="maxSteps"/>] that the step rules select, in order.</summary>
    public IEnumerable<long> DueSteps(long maxSteps)
    {
        for (long step = 0; step <= maxSteps; step++)
            if (IsDue(step)) yield return step;
    }

    // step = round(10^(i/n)) for some integer i ≥ 0. The candidate i is n·log10(step) rounded; its
    // neighbours cover the rounding of both the logarithm and the power.
    static bool IsLogSpaced(long step, int pointsPerDecade)
    {
        var center = (long)Math.Round(pointsPerDecade * Math.Log10(step));
        for (var i = Math.Max(0, center - 1); i <= center + 1; i++)
            if ((long)Math.Round(Math.Pow(10, (double)i / pointsPerDecade)) == step) return true;
        return false;
    }
}
