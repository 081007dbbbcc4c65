namespace GrokDsl.Runtime.Plugins;

/// <summary>What one <see cref="PluginHost.Refresh"/> changed, by plugin id.</summary>
/// <param name="Added">New plugin folders, loaded (whatever their status).</param>
/// <param name="Reloaded">Folders whose files changed: drained, unloaded and loaded again.</param>
/// <param name="Removed">Folders that disappeared: drained and unloaded.</param>
/// <param name="Settling">Folders still being written; left as they were until a later refresh.</param>
public sealed record PluginRefresh(
    IReadOnlyList<PluginInfo> Added,
    IReadOnlyList<PluginInfo> Reloaded,
    IReadOnlyList<PluginInfo> Removed,
    IReadOnlyList<string> Settling)
{
    public static PluginRefresh None { get; } = new([], [], [], []);

    public bool Changed => Added.Count + Reloaded.Count + Removed.Count > 0;

    /// <summary>Ids of the plugins whose code may differ from what earlier runs used.</summary>
    public IReadOnlySet<string> ChangedIds => Added.Concat(Reloaded).Concat(Removed).Select(p => p.Id).ToHashSet();

    /// <summary>One line per change for a run log, e.g. "plugin acme.parity reloaded as 1.2.0: active"; none when nothing changed.</summary>
    public IEnumerable<string> Describe() =>
        Added.Select(p => $"plugin {p.Id} {p.Manifest?.Version} added: {Status(p)}")
            .Concat(Reloaded.Select(p => $"plugin {p.Id} reloaded as {p.Manifest?.Version}: {Status(p)}"))
            .Concat(Removed.Select(p => $"plugin {p.Id} removed"))
            .Concat(Settling.Select(folder => $"plugin folder {folder} is still being written; it loads at a later refresh"));

    static string Status(PluginInfo plugin) =>
        plugin.Status.ToString().ToLowerInvariant() + (plugin.Message is null ? "" : $" ({plugin.Message})");
}
