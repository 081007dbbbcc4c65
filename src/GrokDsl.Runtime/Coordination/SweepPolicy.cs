namespace GrokDsl.Runtime.Coordination;

/// <summary>How a sweep treats runs that throw (a plugin error, a full disk, ...).</summary>
/// <param name="Retries">
/// How many more times a failed run is started before it counts as failed; each retry resumes from the
/// run's newest checkpoint. Diverged runs are results, not failures, and are not retried.
/// </param>
/// <param name="FailFast">Stop the sweep at the first run that still fails after its retries; the rest are not started.</param>
public sealed record SweepPolicy(int Retries = SweepPolicy.DefaultRetries, bool FailFast = false)
{
    public const int DefaultRetries = 1;
}
