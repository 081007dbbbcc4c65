namespace GrokDsl.Analysis;

/// <summary>One distinct time of a Kaplan–Meier curve.</summary>
/// <param name="Step">The time.</param>
/// <param name="AtRisk">Runs not yet grokked nor censored just before <paramref name="Step"/>.</param>
/// <param name="Events">Runs that grokked at <paramref name="Step"/>.</param>
/// <param name="Censored">Runs censored at <paramref name="Step"/>.</param>
/// <param name="Survival">Estimated probability of not having grokked by <paramref name="Step"/> (inclusive).</param>
public sealed record SurvivalPoint(double Step, int AtRisk, int Events, int Censored, double Survival);
