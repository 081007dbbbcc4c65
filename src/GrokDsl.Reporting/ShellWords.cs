using System.Text.RegularExpressions;

namespace GrokDsl.Reporting;

/// <summary>
/// POSIX shell quoting, the one way every command line GrokDsl shows or writes is quoted (reports' Reproduce lines,
/// Slurm scripts): plain words stay readable, anything else is single-quoted, so it pastes back into bash unchanged.
/// </summary>
public static partial class ShellWords
{
    public static string Quote(string word) =>
        word.Length > 0 && Plain().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The words as one command line, each quoted as needed.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    [GeneratedRegex("^[A-Za-z0-9_./=:@%+,-]+$")]
    private static partial Regex Plain();
}
