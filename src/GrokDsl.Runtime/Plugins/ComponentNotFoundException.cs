using GrokDsl.Contracts;

namespace GrokDsl.Runtime.Plugins;

/// <summary>No active plugin provides the component; the message names the id and the folders searched.</summary>
public sealed class ComponentNotFoundException(ComponentKind kind, string id, PluginHost host) : Exception(Format(kind, id, host))
{
    public ComponentKind Kind { get; } = kind;
    public string Id { get; } = id;

    static string Format(ComponentKind kind, string id, PluginHost host)
    {
        var kindName = kind.ToString().ToLowerInvariant();
        var quarantined = host.Plugins.Where(p => p.Status is PluginStatus.Failed or PluginStatus.Incompatible)
            .Select(p => $"\n  {p.Id} ({p.Status.ToString().ToLowerInvariant()}): {p.Message}");
        return $"No plugin provides {kindName} '{id}'. Searched: {string.Join(", ", host.SearchedFolders)}."
               + (quarantined.Any() ? " Quarantined plugins:" + string.Concat(quarantined) : "");
    }
}
