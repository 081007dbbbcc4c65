using System.Text.Json;

namespace GrokDsl.Runs;

/// <summary>A file of the run store that cannot be used; the message names the file and the problem. An I/O error, as commands already treat those.</summary>
public sealed class DamagedRunFileException(string path, string problem, Exception? inner = null)
    : IOException($"{path}: {problem}", inner)
{
    public string FilePath { get; } = path;

    /// <summary>What is wrong, without the path: "not valid JSON (...)".</summary>
    public string Problem { get; } = problem;
}

/// <summary>
/// The one reader of the run store's JSON files (summary.json, environment.json, config.json, checkpoint state): a
/// missing file is null, a file that cannot be read or parsed is a <see cref="DamagedRunFileException"/> naming the
/// file and the problem, never a bare <see cref="JsonException"/>.
/// </summary>
public static class RunFile
{
    /// <exception cref="DamagedRunFileException">The file exists but is unreadable, empty, not JSON, or lacks a required field.</exception>
    public static T? ReadJson<T>(string path, JsonSerializerOptions? options = null) where T : class
    {
        if (ReadText(path) is not { } text) return null;
        if (text.Trim().Length == 0) throw new DamagedRunFileException(path, "is empty (cut short by a crash or a full disk?)");
        try
        {
            return JsonSerializer.Deserialize<T>(text, options ?? RunJson.Indented)
                   ?? throw new DamagedRunFileException(path, "holds null instead of a record");
        }
        catch (JsonException e)
        {
            throw new DamagedRunFileException(path, $"not valid JSON ({e.Message})", e);
        }
    }

    /// <summary>The file's text, or null when it does not exist.</summary>
    /// <exception cref="DamagedRunFileException">The file exists but cannot be read.</exception>
    public static string? ReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DamagedRunFileException(path, $"cannot be read ({e.Message})", e);
        }
    }
}
