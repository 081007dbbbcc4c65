using Spectre.Console;

namespace GrokDsl.Cli.Terminal;

/// <summary>
/// Writes Spectre tables to the current <see cref="Console.Out"/> (Spectre's static console keeps the writer it first
/// saw, which breaks redirection in tests and scripts). Output that is not a terminal gets plain text and room for
/// 160 columns, so logs do not wrap every cell.
/// </summary>
static class TablePrinter
{
    public static void Print(Table table)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (Console.IsOutputRedirected) console.Profile.Width = 160;
        console.Write(table);
    }
}
