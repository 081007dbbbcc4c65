using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrokDsl.Reporting;

/// <summary>Turns a Plotly figure into text that can sit inside <c>&lt;script type="application/json"&gt;</c>.</summary>
static class FigureJson
{
    // The default encoder already writes < > & ' as \uXXXX, which keeps user strings (measure keys, names)
    // from closing the script element. Stated explicitly so that a later "relaxed" encoder is a visible change.
    static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default, WriteIndented = false };

    public static RawHtml ToScriptContent(JsonObject figure) =>
        // Second line of defence, independent of the encoder: "<\/" is the same JSON string as "</", and an
        // HTML parser cannot see an end tag in it.
        new(figure.ToJsonString(Options).Replace("</", "<\\/", StringComparison.Ordinal));

    /// <summary>JSON has no NaN or infinity, and a log axis no zero or negative values: those become gaps (null).</summary>
    public static JsonNode? Number(double value, bool positiveOnly = false) =>
        double.IsFinite(value) && (!positiveOnly || value > 0) ? JsonValue.Create(value) : null;
}
