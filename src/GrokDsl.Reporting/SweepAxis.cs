using System.Globalization;

namespace GrokDsl.Reporting;

/// <summary>
/// A configuration key whose value differs across the runs of a sweep, with its values in order (numerically when
/// every value is a number). The top-level <c>Seed</c> is the replicate axis: runs that differ only in it are
/// repeats of one setting, aggregated over, never plotted against.
/// </summary>
/// <param name="Key">The dotted configuration key, e.g. <c>Optimizer.WeightDecay</c>.</param>
/// <param name="Values">The distinct values; <see cref="Formats.Unknown"/> stands for runs whose configuration lacks the key.</param>
/// <param name="IsReplicate">True for the seed.</param>
/// <param name="IsNumeric">True when every value is a number (then <paramref name="Values"/> are in numeric order).</param>
public sealed record SweepAxis(string Key, IReadOnlyList<string> Values, bool IsReplicate, bool IsNumeric)
{
    /// <summary>The configuration key of the replicate axis, compared without regard to case.</summary>
    public const string ReplicateKey = "Seed";

    /// <summary>
    /// The keys whose values differ across <paramref name="configurations"/>, in the order the keys first appear.
    /// A key missing from some runs but present in others differs too.
    /// </summary>
    public static IReadOnlyList<SweepAxis> Detect(IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> configurations)
    {
        var keys = configurations.SelectMany(configuration => configuration.Select(pair => pair.Key)).Distinct().ToList();
        var axes = new List<SweepAxis>();
        foreach (var key in keys)
        {
            var values = configurations.Select(configuration => ValueOf(configuration, key)).Distinct().ToList();
            if (values.Count < 2) continue;
            var numeric = values.All(value => TryNumber(value, out _));
            var ordered = numeric
                ? values.OrderBy(value => Number(value)).ToList()
                : values.Order(StringComparer.Ordinal).ToList();
            axes.Add(new SweepAxis(key, ordered, string.Equals(key, ReplicateKey, StringComparison.OrdinalIgnoreCase), numeric));
        }
        // The seed goes last: tables read "setting, then replicate".
        return [.. axes.Where(axis => !axis.IsReplicate), .. axes.Where(axis => axis.IsReplicate)];
    }

    /// <summary>A run's value on this axis (<see cref="Formats.Unknown"/> when its configuration lacks the key).</summary>
    public string ValueOf(IReadOnlyList<KeyValuePair<string, string>> configuration) => ValueOf(configuration, Key);

    /// <summary>A value as a number, for sorting; null when it is not one.</summary>
    public static double? Number(string value) => TryNumber(value, out var number) ? number : null;

    static string ValueOf(IReadOnlyList<KeyValuePair<string, string>> configuration, string key) =>
        configuration.FirstOrDefault(pair => pair.Key == key).Value ?? Formats.Unknown;

    static bool TryNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
}
