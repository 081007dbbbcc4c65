using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Analysis;

/// <summary>Reads a JSON result file; a damaged one becomes an <see cref="InvalidDataException"/> naming the file.</summary>
static class StoredJson
{
    public static T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), RunJson.Indented)
                   ?? throw new InvalidDataException($"{path}: empty JSON document");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid {typeof(T).Name} ({e.Message})", e);
        }
    }
}
