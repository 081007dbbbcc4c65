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
    string? Pass = null);
