using Spectre.Console;

namespace GrokDsl.Cli.Terminal;

/// <summary>
/// Writes Spectre tables to the current <see cref="Console.Out"/> (Spectre's static console keeps the writer it first
/// saw, which breaks redirection in tests and scripts). Output that is not a terminal gets plain text and room for
/// 160 columns, so logs do not wrap every cell.
/// </summary>
static class TablePrinter
{
    public static void Print(Table table) => Print(table, Console.Out);

    /// <summary>Writes to <paramref name="output"/>; anything but the console's own writer counts as not a terminal.</summary>
    public static void Print(Table table, TextWriter output)
    {
        var plain = Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (plain) console.Profile.Width = 160;
        console.Write(table);
    }

    /// <summary>A table whose cells are plain text: no markup is interpreted in what the run store holds.</summary>
    public static Table Plain(params string[] columns) => new Table().AddColumns(columns.Select(c => new TableColumn(Markup.Escape(c))).ToArray());

    /// <summary>Right-aligns the numeric columns at these positions.</summary>
    public static Table RightAligned(this Table table, params int[] columns)
    {
        foreach (var column in columns) table.Columns[column].RightAligned();
        return table;
    }

    /// <summary>Adds one row of plain text (escaped, so "[a, b]" in a value is not read as markup).</summary>
    public static Table AddPlainRow(this Table table, params string[] cells) => table.AddRow(cells.Select(c => new Text(c)).ToArray());
}
