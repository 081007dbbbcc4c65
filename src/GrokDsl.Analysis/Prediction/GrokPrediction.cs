using GrokDsl.Runs;

namespace GrokDsl.Analysis.Prediction;

/// <summary>A run's early-loss feature and what became of it.</summary>
public sealed record RunPrediction(string RunId, double? Feature, bool Grokked, long? GrokkedAtStep, long FinalStep);

/// <summary>Everything <c>grokdsl predict</c> writes to prediction.json.</summary>
/// <param name="Auc">How well the feature separates the runs that grokked within their budget from those censored; null without both kinds.</param>
/// <param name="Budget">The step by which a run had to grok to count as grokked; null: each run's own budget.</param>
public sealed record PredictionResult(long FirstSteps, double Band, IReadOnlyList<RunPrediction> Runs, ConfidenceInterval? Auc, IReadOnlyList<string> Skipped, string? Note, long? Budget = null);

/// <summary>
/// Scores each finished run of a sweep by <see cref="EarlyLossSpectrum"/> over its first steps and measures how
/// well that score tells grokked runs from censored ones (ROC AUC with a stratified bootstrap interval). A common
/// <c>budget</c> asks "grokked by step B?" of runs trained past B: a sweep in which every seed groks eventually still
/// has censored runs at a budget near its median grokking step, without training anything again.
/// </summary>
public static class GrokPrediction
{
    public static PredictionResult Evaluate(IEnumerable<RunDirectory> directories, long firstSteps, double band = 0.5, int seed = 0, long? budget = null)
    {
        if (firstSteps < 1) throw new ArgumentOutOfRangeException(nameof(firstSteps), firstSteps, "--first-steps must be at least 1.");
        if (budget <= firstSteps) throw new ArgumentOutOfRangeException(nameof(budget), budget, "--budget must lie after the --first-steps window.");
        var runs = new List<RunPrediction>();
        var skipped = new List<string>();
        foreach (var directory in directories)
        {
            var runId = System.IO.Path.GetFileName(directory.Path);
            if (directory.ReadSummary() is not { Status: RunStatus.Grokked or RunStatus.Censored } summary)
            {
                skipped.Add($"{runId}: not finished as grokked or censored");
                continue;
            }
            var grokkedAt = budget is null || summary.GrokkedAtStep <= budget ? summary.GrokkedAtStep : null;
            if (budget is { } b && grokkedAt is null && summary.FinalStep < b)
            {
                skipped.Add($"{runId}: stopped at step {summary.FinalStep} without grokking, before the budget of {b}");
                continue;
            }
            var evaluated = directory.ReadMetrics(out _).Where(r => r.TestAccuracy is not null).ToList();
            var feature = EarlyLossSpectrum.Feature(MetricSeries.TrainLoss(evaluated), firstSteps, band);
            if (feature is null) skipped.Add($"{runId}: fewer than {EarlyLossSpectrum.MinimumPoints} evaluations in the first {firstSteps} steps");
            else if (grokkedAt is { } grokked && grokked <= firstSteps)
            {
                skipped.Add($"{runId}: grokked at step {grokked}, inside the window; nothing left to predict");
                continue;
            }
            runs.Add(new RunPrediction(runId, feature, grokkedAt is not null, grokkedAt, summary.FinalStep));
        }
        var positives = runs.Where(r => r.Feature is not null && r.Grokked).Select(r => r.Feature!.Value).ToList();
        var negatives = runs.Where(r => r.Feature is not null && !r.Grokked).Select(r => r.Feature!.Value).ToList();
        var note = positives.Count == 0 || negatives.Count == 0
            ? $"no AUC: {positives.Count} grokked and {negatives.Count} censored runs with a feature; it needs both (a sweep where some seeds or settings do not grok within the budget)"
            : null;
        var auc = note is null ? RocAuc.Interval(positives, negatives, seed: seed) : null;
        return new PredictionResult(firstSteps, band, runs, auc, skipped, note, budget);
    }
}
