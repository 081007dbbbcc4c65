using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// The command line a report offers to run an experiment again, derived from what the run recorded: the command that
/// reproduces that very run (<see cref="RunEnvironment.Reproduce"/>), or for runs recorded before it was, the experiment
/// file it came from, else the id of a built-in experiment (which reruns the experiment's sweep; finished runs with the
/// same configuration are reused, so only missing runs train). Quoted by <see cref="ShellWords"/>, so it pastes into bash.
/// </summary>
public static class ReproduceCommand
{
    /// <summary>The command for an experiment whose runs may have recorded their origin in <paramref name="environment"/>.</summary>
    public static string For(string experimentId, RunEnvironment? environment)
    {
        ArgumentNullException.ThrowIfNull(experimentId);
        if (environment?.Reproduce is { Count: > 0 } arguments) return $"{GrokdslInvocation.Prefix} {ShellWords.Join(arguments)}";
        return environment?.ExperimentOrigin is { } origin && !origin.StartsWith("assembly:", StringComparison.Ordinal)
            ? $"{GrokdslInvocation.Prefix} run {ShellWords.Quote(origin)} --id {ShellWords.Quote(experimentId)}"
            : $"{GrokdslInvocation.Prefix} run {ShellWords.Quote(experimentId)}";
    }

    /// <summary>The command for one run directory: its experiment from the summary, else the parent folder's name.</summary>
    public static string For(RunDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string? experimentId = null;
        RunEnvironment? environment = null;
        try
        {
            experimentId = directory.ReadSummary()?.ExperimentId;
            environment = directory.ReadEnvironment();
        }
        catch (DamagedRunFileException)
        {
            // A damaged file: fall back to what the path says.
        }
        experimentId ??= Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(directory.Path))) ?? "";
        return For(experimentId, environment);
    }
}
