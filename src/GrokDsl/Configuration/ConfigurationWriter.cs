using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrokDsl.Configuration;

/// <summary>
/// Builds an experiment's canonical configuration: every resolved setting, keys sorted at every
/// level, numbers in round-trip form. Equal configurations give byte-equal JSON, whose hash is the
/// run id. Generated code calls <see cref="Write{T}"/> once per experiment property.
/// </summary>
public sealed class ConfigurationWriter
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    readonly SortedDictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    public void Write<T>(string name, T value)
    {
        if (!_values.TryAdd(name, Canonicalize(ToNode(value))))
            throw new InvalidOperationException($"Configuration key '{name}' written twice.");
    }

    // A list of measures given as options records (e.g. [new Fourier { ... }, "weight-norm"]) is written with each
    // record's component id beside its options, so that two measures with equal options still hash differently.
    // Lists of plain ids serialize as they always did, keeping their run ids.
    static JsonNode? ToNode<T>(T value)
    {
        if (value is not IEnumerable<object> items || value is string || !items.Any(item => ComponentIdOf(item) is not null))
            return JsonSerializer.SerializeToNode(value, Json);
        return new JsonArray([.. items.Select(item => ComponentIdOf(item) is { } id
            ? new JsonObject { ["Id"] = id, ["Options"] = JsonSerializer.SerializeToNode(item, item.GetType(), Json) }
            : JsonSerializer.SerializeToNode(item, Json))]);
    }

    static string? ComponentIdOf(object? item) =>
        item?.GetType().GetCustomAttributes(typeof(ComponentAttribute), false) is [ComponentAttribute component] ? component.Id : null;

    // config.json is for people: "a+b" reads as a+b. The run id is hashed over RunIds.HashInput, not over this text.
    static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The canonical configuration, indented for people to read.</summary>
    public string ToJson() => ToNode().ToJsonString(Readable);

    /// <summary>The run id: the first 12 hex digits of the SHA-256 of the compact canonical JSON.</summary>
    public string RunId() => RunIds.FromCanonicalJson(ToNode().ToJsonString(RunIds.HashInput));

    JsonObject ToNode()
    {
        var root = new JsonObject();
        foreach (var (key, value) in _values) root[key] = value?.DeepClone();
        return root;
    }

    static JsonNode? Canonicalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonicalize(p.Value?.DeepClone())))),
        JsonArray array => new JsonArray(array.Select(item => Canonicalize(item?.DeepClone())).ToArray()),
        _ => node,
    };
}

/// <summary>Run ids are content hashes of canonical configurations.</summary>
public static class RunIds
{
    /// <summary>
    /// How the canonical JSON is written for hashing: compact, with the default (strict) escaping that every stored run
    /// id was computed with. The files may be written differently; this must never change, or every run id would.
    /// </summary>
    public static readonly JsonSerializerOptions HashInput = new() { WriteIndented = false, Encoder = JavaScriptEncoder.Default };

    public static string FromCanonicalJson(string compactJson)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(compactJson));
        return Convert.ToHexStringLower(hash)[..12];
    }

    /// <summary>Recomputes the run id of an indented canonical configuration read back from disk.</summary>
    public static string FromStoredConfiguration(string json) =>
        FromCanonicalJson(JsonNode.Parse(json)!.ToJsonString(HashInput));
}
