using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrokDsl.Runs;

/// <summary>One run as a listing shows it: where it is, how it ended (null while unfinished), its configuration on demand.</summary>
/// <param name="Damage">Why the run's summary.json cannot be read ("summary.json: not valid JSON (...)"), or null.</param>
public sealed record RunEntry(RunDirectory Directory, string ExperimentId, string RunId, RunSummary? Summary, string? Damage = null)
{
    /// <summary>
    /// "grokked", "censored", ... "unfinished" for a run without a summary (running, or killed), or "damaged (reason)"
    /// for one whose summary cannot be read.
    /// </summary>
    public string Status => Damage is not null ? $"damaged ({Damage})" : Summary?.Status.ToString().ToLowerInvariant() ?? "unfinished";

    /// <summary>The status without its reason: "damaged" for a damaged run; what --status filters on.</summary>
    public string StatusWord => Damage is not null ? "damaged" : Status;

    /// <summary>The configuration flattened to dotted keys ("Optimizer.WeightDecay" → "0.3"); empty when unreadable.</summary>
    public IReadOnlyDictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (Directory.ReadConfiguration() is not { } json) return settings;
            Flatten(JsonNode.Parse(json), "", settings);
        }
        catch (Exception e) when (e is JsonException or DamagedRunFileException)
        {
            // A damaged configuration simply matches no setting filter.
        }
        return settings;
    }

    /// <summary>When the run started (its environment.json), or null when that file is missing or damaged.</summary>
    public DateTimeOffset? StartedAt()
    {
        try
        {
            return Directory.ReadEnvironment()?.StartedAt;
        }
        catch (DamagedRunFileException)
        {
            return null; // a listing shows what it can; `runs show` names the damaged file
        }
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
                into[prefix] = node is JsonValue v && v.TryGetValue<string>(out var text) ? text : node.ToJsonString(RunJson.Line);
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
        if (Status is not null && !string.Equals(run.StatusWord, Status, StringComparison.OrdinalIgnoreCase)) return false;
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
                var entry = Entry(directory);
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

    /// <summary>A run folder as a listing shows it; a damaged summary makes it "damaged (reason)", never an exception.</summary>
    public static RunEntry Entry(RunDirectory directory)
    {
        var (experimentId, runId) = (Path.GetFileName(Path.GetDirectoryName(directory.Path))!, Path.GetFileName(directory.Path));
        try
        {
            return new RunEntry(directory, experimentId, runId, directory.ReadSummary());
        }
        catch (DamagedRunFileException e)
        {
            return new RunEntry(directory, experimentId, runId, null, $"{Path.GetFileName(e.FilePath)}: {e.Problem}");
        }
    }
}
