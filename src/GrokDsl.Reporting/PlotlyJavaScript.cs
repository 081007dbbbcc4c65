using System.Text.RegularExpressions;

namespace GrokDsl.Reporting;

/// <summary>
/// The minified plotly.js that Plotly.NET embeds in its assembly (what its <c>PlotlyJSReference.Full</c> inlines),
/// so a report draws its charts offline without a CDN and without vendoring a second copy.
/// </summary>
public static partial class PlotlyJavaScript
{
    static readonly Lazy<(string ResourceName, string Version, string Source)> Loaded = new(Load);

    /// <summary>The manifest resource name inside Plotly.NET, e.g. <c>Plotly.NET.plotly-2.28.0.min.js</c>.</summary>
    public static string ResourceName => Loaded.Value.ResourceName;

    /// <summary>The plotly.js version, e.g. <c>2.28.0</c>.</summary>
    public static string Version => Loaded.Value.Version;

    /// <summary>The script text, safe to place between <c>&lt;script&gt;</c> and <c>&lt;/script&gt;</c>.</summary>
    public static string Source => Loaded.Value.Source;

    static (string, string, string) Load()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        // Looked up by pattern, not by a fixed name, because the name carries the version and a Plotly.NET
        // update changes it.
        var match = assembly.GetManifestResourceNames()
            .Select(name => (Name: name, Match: ResourceNamePattern().Match(name)))
            .FirstOrDefault(candidate => candidate.Match.Success);
        if (match.Name is null)
            throw new InvalidOperationException(
                $"{assembly.GetName().Name} {assembly.GetName().Version} carries no plotly-<version>.min.js resource; " +
                "reports cannot embed plotly.js.");

        using var stream = assembly.GetManifestResourceStream(match.Name)!;
        using var reader = new StreamReader(stream);
        return (match.Name, match.Match.Groups["version"].Value, MakeSafeInScriptElement(reader.ReadToEnd()));
    }

    /// <summary>
    /// An HTML parser ends a script at the first <c>&lt;/script</c> and changes state at <c>&lt;!--</c>, whatever
    /// the JavaScript around them. plotly.js 2.28 holds neither, but a later bundle might; inside the string and
    /// regex literals where such text can occur, <c>&lt;\/</c> and <c>&lt;\!</c> mean the same to JavaScript.
    /// </summary>
    static string MakeSafeInScriptElement(string script) =>
        script.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
              .Replace("<!--", "<\\!--", StringComparison.Ordinal);

    [GeneratedRegex(@"^Plotly\.NET\.plotly-(?<version>\d+\.\d+\.\d+)\.min\.js$")]
    private static partial Regex ResourceNamePattern();
}
