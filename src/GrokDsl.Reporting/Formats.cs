using System.Globalization;

namespace GrokDsl.Reporting;

/// <summary>How numbers read on the page. Invariant culture: a report must not change with the machine that made it.</summary>
static class Formats
{
    public const string Unknown = "—";

    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Steps(long steps) => steps.ToString("N0", Invariant);

    public static string Steps(long? steps) => steps is { } known ? Steps(known) : Unknown;

    /// <summary>Accuracies are fractions in [0, 1].</summary>
    public static string Percent(double? fraction) =>
        fraction is { } value && double.IsFinite(value) ? (value * 100).ToString("0.0", Invariant) + " %" : Unknown;

    public static string Rate(double perSecond) =>
        double.IsFinite(perSecond) ? perSecond.ToString("N1", Invariant) : Unknown;

    public static string Ratio(double ratio) => ratio.ToString("0.00", Invariant) + "×";

    public static string Duration(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0) return Unknown;
        if (seconds < 60) return seconds.ToString("0.0", Invariant) + " s";
        var time = TimeSpan.FromSeconds(Math.Round(seconds));
        return time.TotalHours < 1
            ? string.Create(Invariant, $"{time.Minutes} min {time.Seconds:00} s")
            : string.Create(Invariant, $"{(long)time.TotalHours} h {time.Minutes:00} min");
    }

    public static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant);
}
