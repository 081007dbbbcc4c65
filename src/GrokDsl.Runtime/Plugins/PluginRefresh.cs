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
}
