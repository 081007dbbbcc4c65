namespace GrokDsl.Runtime.Coordination;

/// <summary>How a sweep treats runs that throw (a plugin error, a full disk, ...) and runs whose metrics have a gap.</summary>
/// <param name="Retries">
/// How many more times a failed run is started before it counts as failed; each retry resumes from the
/// run's newest checkpoint. Diverged runs are results, not failures, and are not retried.
/// </param>
/// <param name="FailFast">Stop the sweep at the first run that still fails after its retries; the rest are not started.</param>
/// <param name="OnMetricsGap">What a run about to resume does when its metrics stream lacks records its checkpoint implies (--rewind, --resume-anyway).</param>
public sealed record SweepPolicy(int Retries = SweepPolicy.DefaultRetries, bool FailFast = false, MetricsGapPolicy OnMetricsGap = MetricsGapPolicy.Refuse)
{
    public const int DefaultRetries = 1;
}
