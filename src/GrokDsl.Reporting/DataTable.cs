using System.Globalization;

namespace GrokDsl.Reporting;

/// <summary>
/// A table the page can sort by any column (a click on its heading). Cells carry their display text and a sort key,
/// so "12,400" sorts as a number and "—" (unknown) sorts last whichever the direction.
/// </summary>
/// <param name="Columns">The headings, in order.</param>
/// <param name="Rows">The rows, in their initial order.</param>
public sealed record DataTable(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows);

/// <summary>A column heading.</summary>
/// <param name="Title">The heading text.</param>
/// <param name="Numeric">True when the column sorts by number (and is right-aligned).</param>
/// <param name="Description">The heading's tooltip, e.g. the full configuration key of a shortened one; may be empty.</param>
public sealed record TableColumn(string Title, bool Numeric, string Description = "")
{
    /// <summary>
    /// One column per axis, headed by the key's last segment (<c>WeightDecay</c> for <c>Optimizer.WeightDecay</c>) so
    /// wide sweeps fit, or by the whole key where two axes share a last segment; the tooltip holds the whole key.
    /// </summary>
    public static IEnumerable<TableColumn> ForAxes(IReadOnlyList<SweepAxis> axes)
    {
        static string Leaf(string key) => key[(key.LastIndexOf('.') + 1)..];
        var ambiguous = axes.GroupBy(axis => Leaf(axis.Key)).Where(group => group.Count() > 1).Select(group => group.Key).ToHashSet();
        return axes.Select(axis => new TableColumn(ambiguous.Contains(Leaf(axis.Key)) ? axis.Key : Leaf(axis.Key), axis.IsNumeric, axis.Key));
    }
}

/// <summary>One row.</summary>
/// <param name="Cells">One cell per column.</param>
/// <param name="CssClass">A class for the row, e.g. the run's status; may be empty.</param>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, string CssClass = "");

/// <summary>One cell.</summary>
/// <param name="Text">What the cell shows.</param>
/// <param name="SortKey">What it sorts by: a number in invariant form for numeric columns, the text otherwise; empty sorts last.</param>
/// <param name="Href">A relative link the text leads to (already URL-encoded), or null.</param>
/// <param name="BadgeClass">When set, the text is drawn as a badge with this class (e.g. <c>status-grokked</c>).</param>
public sealed record TableCell(string Text, string SortKey, string? Href = null, string? BadgeClass = null)
{
    public static TableCell Of(string text) => new(text, text == Formats.Unknown ? "" : text);

    public static TableCell Number(double? value, string text) =>
        new(text, value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");

    public static TableCell Steps(long? step) => Number(step, Formats.Steps(step));

    public static TableCell Percent(double? fraction) => Number(fraction, Formats.Percent(fraction));

    public static TableCell Duration(double? seconds) => Number(seconds, seconds is { } s ? Formats.Duration(s) : Formats.Unknown);

    public static TableCell Status(string status) => new(status, status, BadgeClass: "status-" + status.Replace(' ', '-'));

    /// <summary>A configuration value: numeric axes sort by number, others by text.</summary>
    public static TableCell Setting(string value, bool numeric) =>
        numeric ? Number(SweepAxis.Number(value), value) : Of(value);
}
