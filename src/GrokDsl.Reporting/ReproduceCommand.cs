using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// The command line a report offers to run an experiment again, derived from what the run recorded: the experiment
/// file it came from (<c>environment.json</c>), else the id of a built-in experiment. It reruns the experiment's
/// sweep; finished runs with the same configuration are reused, so only missing runs train.
/// </summary>
public static class ReproduceCommand
{
    /// <summary>The command for an experiment whose runs may have recorded their origin in <paramref name="environment"/>.</summary>
    public static string For(string experimentId, RunEnvironment? environment)
    {
        ArgumentNullException.ThrowIfNull(experimentId);
        return environment?.ExperimentOrigin is { } origin && !origin.StartsWith("assembly:", StringComparison.Ordinal)
            ? $"grokdsl run {Shell.Word(origin)} --id {Shell.Word(experimentId)}"
            : $"grokdsl run {Shell.Word(experimentId)}";
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

/// <summary>POSIX shell quoting for command lines shown on a page, so they paste back into a terminal.</summary>
static class Shell
{
    /// <summary>The word as is when it holds only safe characters, else single-quoted.</summary>
    public static string Word(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@+%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
