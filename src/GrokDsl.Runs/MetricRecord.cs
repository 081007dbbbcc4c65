namespace GrokDsl.Runs;

/// <summary>
/// One line of <c>metrics.jsonl</c>. Train metrics come from the training step itself; test metrics
/// and progress measures only on the steps where they were evaluated (null otherwise).
/// A record with a <see cref="Pass"/> was appended after training by <c>grokdsl measure</c> from a stored
/// checkpoint; <see cref="MetricsView"/> merges such records into the training records for analysis and reports.
/// </summary>
/// <param name="Pass">The post-hoc pass that wrote the record (<see cref="MetricsView.PostHocPass"/>); null for training records, and left out of the line then.</param>
public sealed record MetricRecord(
    long Step,
    double TrainLoss,
    double TrainAccuracy,
    double? TestLoss,
    double? TestAccuracy,
    double WallSeconds,
    IReadOnlyDictionary<string, double>? Measures = null,
    string? Pass = null)
{
    /// <summary>
    /// Loss and accuracy of every named evaluation split (e.g. "in-distribution", "generalization"), on evaluation
    /// steps of datasets that name their splits; null (and left out of the file) otherwise. The test split is among
    /// them under its own name, and <see cref="TestLoss"/> and <see cref="TestAccuracy"/> repeat it.
    /// </summary>
    public IReadOnlyDictionary<string, SplitMetrics>? Splits { get; init; }
}

/// <summary>One evaluation split's loss and accuracy at one step.</summary>
public sealed record SplitMetrics(double Loss, double Accuracy);
