using System.Globalization;
using System.Text.RegularExpressions;

namespace GrokDsl.Runtime.Stacking;

/// <summary>
/// Memory sizes as people write them on a command line: a number and a binary unit, as Slurm's --mem and
/// <c>free</c> read them (512M, 6G, 1.5G; K, M, G, T, with or without "B" or "iB"; B alone for bytes).
/// </summary>
public static partial class MemorySize
{
    static readonly (string Unit, long Bytes)[] Units = [("T", 1L << 40), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10)];

    [GeneratedRegex(@"^\s*(?<number>\d+(\.\d+)?)\s*(?<unit>[KMGT]?)(?<suffix>(I?B)?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>The size in bytes, or null when <paramref name="text"/> is not a positive size with a unit.</summary>
    public static long? Parse(string text)
    {
        var match = Pattern().Match(text);
        // A bare number is refused: Slurm reads it as megabytes, most other tools as bytes.
        if (!match.Success || match.Groups["unit"].Length + match.Groups["suffix"].Length == 0) return null;
        var unit = match.Groups["unit"].Value.ToUpperInvariant();
        if (unit.Length == 0 && match.Groups["suffix"].Value.Length > 1) return null; // "iB" needs a unit before it
        var multiplier = unit.Length == 0 ? 1 : Units.Single(u => u.Unit == unit).Bytes;
        var bytes = decimal.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture) * multiplier;
        return bytes >= 1 && bytes <= long.MaxValue ? (long)bytes : null;
    }

    /// <summary>The size in the largest unit that writes it exactly, e.g. 6G or 1536M, which <see cref="Parse"/> reads back.</summary>
    public static string ToText(long bytes)
    {
        foreach (var (unit, size) in Units)
            if (bytes % size == 0) return $"{bytes / size}{unit}";
        return $"{bytes}B";
    }

    /// <summary>For people: one decimal in GiB from 1 GiB up, else whole MiB.</summary>
    public static string Describe(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0} MiB");
}
