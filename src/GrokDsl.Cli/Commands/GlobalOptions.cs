using System.CommandLine;

namespace GrokDsl.Cli.Commands;

/// <summary>How much a command prints besides its result and errors.</summary>
enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}

/// <summary>
/// <c>--quiet</c> and <c>--verbose</c>, defined once on the root command and accepted by every
/// subcommand (recursive options), so scripts can put them anywhere on the line.
/// </summary>
static class GlobalOptions
{
    const string QuietName = "--quiet";
    const string VerboseName = "--verbose";

    public static Option<bool> Quiet() => new(QuietName, "-q") { Description = "Print only results and errors.", Recursive = true };

    public static Option<bool> Verbose() => new(VerboseName, "-v")
    {
        Description = "Print more: every evaluation of a run, and the full stack trace of an error.",
        Recursive = true,
    };

    /// <summary>The verbosity asked for; --quiet wins over --verbose.</summary>
    public static Verbosity Of(ParseResult result) =>
        result.GetValue<bool>(QuietName) ? Verbosity.Quiet
        : result.GetValue<bool>(VerboseName) ? Verbosity.Verbose
        : Verbosity.Normal;

    /// <summary>An error line: the message, and with --verbose the whole exception.</summary>
    public static string Describe(Exception error, Verbosity verbosity) =>
        verbosity == Verbosity.Verbose ? error.ToString() : $"{error.GetType().Name}: {error.Message}";
}
