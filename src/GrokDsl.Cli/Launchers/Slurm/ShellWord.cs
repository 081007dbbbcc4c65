using System.Text.RegularExpressions;

namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary>Quoting for bash: plain words stay readable, anything else is single-quoted.</summary>
public static partial class ShellWord
{
    public static string Quote(string word) =>
        word.Length > 0 && Plain().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''") + "'";

    [GeneratedRegex("^[A-Za-z0-9_./=:@%+,-]+$")]
    private static partial Regex Plain();
}
