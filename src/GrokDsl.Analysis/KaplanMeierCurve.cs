namespace GrokDsl.Analysis;

/// <summary>A Kaplan–Meier survival curve: S(t), the probability that a run has not grokked by step t.</summary>
public sealed record KaplanMeierCurve(IReadOnlyList<SurvivalPoint> Points)
{
    /// <summary>S(t): 1 before the first event, then a step function that changes only at event times.</summary>
    public double SurvivalAt(double step)
    {
        var survival = 1.0;
        foreach (var point in Points)
        {
            if (point.Step > step) break;
            survival = point.Survival;
        }
        return survival;
    }

    /// <summary>
    /// The median grokking step: the smallest event time with S(t) ≤ 0.5. Null when the curve never falls
    /// to 0.5, i.e. when too many runs are censored for the median to be known.
    /// </summary>
    public double? Median => Points.Where(p => p.Events > 0 && p.Survival <= 0.5).Select(p => (double?)p.Step).FirstOrDefault();
}
