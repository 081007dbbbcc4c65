namespace GrokDsl.Analysis;

/// <summary>
/// The Kaplan–Meier product-limit estimator (Kaplan and Meier 1958): S(t) = Π_{t_i ≤ t} (1 − d_i / n_i),
/// with d_i the runs that grokked at t_i and n_i the runs at risk just before t_i. A run censored at
/// t_i counts as at risk at t_i (censoring is taken to happen just after events at the same time), the
/// usual convention.
/// </summary>
public static class KaplanMeier
{
    public static KaplanMeierCurve Estimate(IReadOnlyList<GrokkingTime> outcomes)
    {
        if (outcomes.Any(o => !double.IsFinite(o.Step))) throw new ArgumentException("Outcome steps must be finite.", nameof(outcomes));
        var points = new List<SurvivalPoint>();
        var atRisk = outcomes.Count;
        var survival = 1.0;
        foreach (var group in outcomes.GroupBy(o => o.Step).OrderBy(g => g.Key))
        {
            var events = group.Count(o => o.Grokked);
            var censored = group.Count() - events;
            if (events > 0) survival *= 1 - (double)events / atRisk;
            points.Add(new SurvivalPoint(group.Key, atRisk, events, censored, survival));
            atRisk -= events + censored;
        }
        return new KaplanMeierCurve(points);
    }
}
