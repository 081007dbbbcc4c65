using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GrokDsl.Runs;

/// <summary>
/// The JSON conventions of every file in a run directory and of the JSON the CLI prints. People and pandas read these:
/// the relaxed encoder writes <c>a+b</c>, <c>é</c> and <c>&lt;</c> as themselves instead of <c>\u002B</c>. JSON embedded in
/// HTML (the reports' figures) keeps the strict encoder, in <c>GrokDsl.Reporting.FigureJson</c>.
/// </summary>
public static class RunJson
{
    /// <summary>Escapes only what JSON requires (quotes, backslashes, control characters).</summary>
    public static readonly JavaScriptEncoder ReadableEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        Encoder = ReadableEncoder,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // A diverged run's last losses are NaN or infinite; they are data, not an error.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static readonly JsonSerializerOptions Line = new(Indented)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
