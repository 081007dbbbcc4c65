namespace GrokDsl.Runs;

/// <summary>
/// One line of <c>metrics.jsonl</c>. Train metrics come from the training step itself; test metrics
/// and progress measures only on the steps where they were evaluated (null otherwise).
/// </summary>
public sealed record MetricRecord(
    long Step,
    double TrainLoss,
    double TrainAccuracy,
    double? TestLoss,
    double? TestAccuracy,
    double WallSeconds,
    IReadOnlyDictionary<string, double>? Measures = null);
