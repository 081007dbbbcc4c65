namespace GrokDsl.Analysis;

/// <summary>
/// A point estimate with a bootstrap percentile interval. A null estimate or bound is one the data
/// cannot pin down, e.g. the upper bound of a median when many resamples have more than half of
/// their runs censored.
/// </summary>
public sealed record ConfidenceInterval(double? Estimate, double? Lower, double? Upper, double Level, int Resamples, int Seed)
{
    public bool Contains(double value) =>
        (Lower is not { } lower || value >= lower) && (Upper is not { } upper || value <= upper);
}
