using System.Globalization;

namespace GrokDsl.Reporting;

/// <summary>One small chart of the run report's measures: its heading, its y-axis label and its series (key, legend name).</summary>
sealed record MeasurePanel(string Title, string YAxis, IReadOnlyList<(string Key, string Name)> Series);

/// <summary>
/// Which measure keys share a chart. Per-parameter families (weight-norm's <c>norm.&lt;parameter&gt;</c> and
/// <c>sum_sq.&lt;parameter&gt;</c>) and the Fourier key-frequency scores become one chart each, a line per parameter or
/// frequency; every other key is a chart of its own. A chart's y axis names the quantity: the key without its measure id.
/// </summary>
static class MeasurePanels
{
    const string KeyFrequencyTitle = "fourier.key_frequency.k*";

    static readonly (string Prefix, string Title, string YAxis)[] Families =
    [
        ("weight-norm.norm.", "weight-norm: L2 norm per parameter", "L2 norm"),
        ("weight-norm.sum_sq.", "weight-norm: sum of squared weights per parameter", "sum of squares"),
    ];

    /// <summary>The panels for <paramref name="keys"/> (spectrum keys already left out), sorted by heading.</summary>
    public static IReadOnlyList<MeasurePanel> Of(IReadOnlyList<string> keys)
    {
        var panels = new List<MeasurePanel>();
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (prefix, title, yAxis) in Families)
        {
            var members = keys.Where(key => key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length).Order(StringComparer.Ordinal).ToList();
            if (members.Count < 2) continue;
            panels.Add(new MeasurePanel(title, yAxis, [.. members.Select(key => (key, key[prefix.Length..]))]));
            grouped.UnionWith(members);
        }
        var keyFrequencies = keys.Where(FourierSpectra.IsKeyFrequencyKey)
            .OrderBy(key => int.Parse(key.AsSpan(KeyFrequencyTitle.Length - 1), CultureInfo.InvariantCulture)).ToList();
        if (keyFrequencies.Count > 0)
        {
            panels.Add(new MeasurePanel(KeyFrequencyTitle, "key-frequency score", [.. keyFrequencies.Select(key => (key, key))]));
            grouped.UnionWith(keyFrequencies);
        }
        panels.AddRange(keys.Where(key => !grouped.Contains(key)).Select(key => new MeasurePanel(key, Quantity(key), [(key, key)])));
        return [.. panels.OrderBy(panel => panel.Title, StringComparer.Ordinal)];
    }

    // "weight-norm.total" measures "total"; a key without a measure id is its own quantity.
    static string Quantity(string key) => key.IndexOf('.') is var dot and > 0 && dot < key.Length - 1 ? key[(dot + 1)..].Replace('_', ' ') : key;
}
