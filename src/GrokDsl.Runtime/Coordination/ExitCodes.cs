namespace GrokDsl.Runtime.Coordination;

/// <summary>Process exit codes; documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>Success: every run finished (grokked or censored at its budget).</summary>
    public const int Ok = 0;

    /// <summary>A run or command failed at run time (plugin error, I/O error, ...).</summary>
    public const int Failed = 1;

    /// <summary>The experiment does not compile or is invalid; nothing ran.</summary>
    public const int InvalidExperiment = 2;

    /// <summary>A run diverged (NaN or infinite loss).</summary>
    public const int Diverged = 3;

    /// <summary>Interrupted by SIGINT/SIGTERM; what was written is intact.</summary>
    public const int Interrupted = 130;

    /// <summary>The code a run's final status adds to its command's.</summary>
    public static int Of(GrokDsl.Runs.RunStatus status) => status switch
    {
        GrokDsl.Runs.RunStatus.Interrupted => Interrupted,
        GrokDsl.Runs.RunStatus.Failed => Failed,
        GrokDsl.Runs.RunStatus.Diverged => Diverged,
        _ => Ok,
    };

    static readonly int[] Urgency = [Ok, Diverged, Failed, Interrupted];

    /// <summary>
    /// Of two runs' codes, the more urgent: interrupted over failed over diverged. A failure outranks a
    /// divergence because it says nothing about the model, only that the run did not happen.
    /// </summary>
    public static int MostUrgent(int a, int b) => Array.IndexOf(Urgency, a) >= Array.IndexOf(Urgency, b) ? a : b;
}
