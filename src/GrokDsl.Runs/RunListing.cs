using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrokDsl.Runs;

/// <summary>One run as a listing shows it: where it is, how it ended (null while unfinished), its configuration on demand.</summary>
public sealed record RunEntry(RunDirectory Directory, string ExperimentId, string RunId, RunSummary? Summary)
{
    /// <summary>"grokked", "censored", ... or "unfinished" for a run without a summary (running, or killed).</summary>
    public string Status => Summary?.Status.ToString().ToLowerInvariant() ?? "unfinished";

    /// <summary>The configuration flattened to dotted keys ("Optimizer.WeightDecay" → "0.3"); empty when unreadable.</summary>
    public IReadOnlyDictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Directory.ReadConfiguration() is not { } json) return settings;
        try
        {
            Flatten(JsonNode.Parse(json), "", settings);
        }
        catch (JsonException)
        {
            // A damaged configuration simply matches no setting filter.
        }
        return settings;
    }

    static void Flatten(JsonNode? node, string prefix, Dictionary<string, string> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj) Flatten(value, prefix.Length == 0 ? key : $"{prefix}.{key}", into);
                break;
            case null:
                into[prefix] = "null";
                break;
            default:
                into[prefix] = node is JsonValue v && v.TryGetValue<string>(out var text) ? text : node.ToJsonString();
                break;
        }
    }
}

/// <summary>What to list: every criterion that is set must hold.</summary>
/// <param name="Settings">Dotted configuration keys and the values they must have, e.g. ("Seed", "3").</param>
public sealed record RunFilter(string? ExperimentId = null, string? Status = null, IReadOnlyList<(string Key, string Value)>? Settings = null)
{
    public bool Matches(RunEntry run)
    {
        if (ExperimentId is not null && !string.Equals(run.ExperimentId, ExperimentId, StringComparison.OrdinalIgnoreCase)) return false;
        if (Status is not null && !string.Equals(run.Status, Status, StringComparison.OrdinalIgnoreCase)) return false;
        if (Settings is not { Count: > 0 }) return true;
        var settings = run.Settings();
        return Settings.All(s => settings.TryGetValue(s.Key, out var value) && string.Equals(value, s.Value, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// The runs under a runs root (<c>&lt;root&gt;/&lt;experiment-id&gt;/&lt;run-id&gt;/</c>). Listing reads only each
/// run's small summary; configurations are read only when a setting filter needs them, so thousands
/// of runs list quickly.
/// </summary>
public static class RunStore
{
    public static IEnumerable<RunEntry> List(string root, RunFilter? filter = null)
    {
        if (!Directory.Exists(root)) yield break;
        foreach (var experiment in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var experimentId = Path.GetFileName(experiment);
            if (filter?.ExperimentId is { } wanted && !string.Equals(wanted, experimentId, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var folder in Directory.EnumerateDirectories(experiment).Order(StringComparer.Ordinal))
            {
                var directory = new RunDirectory(Path.GetFullPath(folder));
                if (!File.Exists(directory.ConfigurationPath)) continue; // not a run (e.g. a sweep report folder)
                var entry = new RunEntry(directory, experimentId, Path.GetFileName(folder), TryReadSummary(directory));
                if (filter is null || filter.Matches(entry)) yield return entry;
            }
        }
    }

    /// <summary>A run by id (or a unique id prefix) anywhere under the root; null when none or ambiguous.</summary>
    public static RunEntry? Find(string root, string runIdOrPrefix)
    {
        var matches = List(root).Where(r => r.RunId.StartsWith(runIdOrPrefix, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    static RunSummary? TryReadSummary(RunDirectory directory)
    {
        try
        {
            return directory.ReadSummary();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
