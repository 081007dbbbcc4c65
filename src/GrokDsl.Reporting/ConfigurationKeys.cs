using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GrokDsl.Reporting;

/// <summary>
/// A resolved configuration (<c>config.json</c>) as flat dotted keys: <c>{"Optimizer": {"WeightDecay": 1}}</c> gives
/// <c>Optimizer.WeightDecay</c> → <c>1</c>. Values are the JSON text, except strings, which are unquoted; an array
/// is one value (its compact JSON), since sweeps vary whole lists, not their elements.
/// </summary>
public static class ConfigurationKeys
{
    // The values are shown as text (escaped by the page) and compared; "a+b" should read as a+b, not a\u002Bb.
    static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Flattens a configuration; an unreadable one (truncated, not an object) gives no keys.</summary>
    /// <returns>The keys in the order they appear in the file.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(string? json)
    {
        var keys = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(json)) return keys;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object) Add(keys, "", document.RootElement);
        }
        catch (JsonException)
        {
            keys.Clear();
        }
        return keys;
    }

    /// <summary>A value of the flattened configuration as a number, when it is one.</summary>
    public static double? Number(IEnumerable<KeyValuePair<string, string>> keys, string key) =>
        keys.FirstOrDefault(pair => pair.Key == key).Value is { } text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    static void Add(List<KeyValuePair<string, string>> keys, string prefix, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
                Add(keys, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, property.Value);
            return;
        }
        var value = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Array => JsonSerializer.Serialize(element, Compact),
            _ => element.GetRawText(),
        };
        keys.Add(new(prefix, value));
    }
}
