namespace GrokDsl.Cli;

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
}
