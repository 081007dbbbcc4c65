namespace GrokDsl.Runtime.Plugins;

/// <summary>Where a plugin stands after loading (or after its latest reload).</summary>
public enum PluginStatus
{
    /// <summary>Loaded; its components are available.</summary>
    Active,

    /// <summary>Its manifest says disabled; not loaded.</summary>
    Disabled,

    /// <summary>Built against a contract version this host cannot load.</summary>
    Incompatible,

    /// <summary>Its manifest, assembly, types or a component constructor failed; quarantined.</summary>
    Failed,
}

/// <summary>One plugin folder as the host sees it.</summary>
/// <param name="Manifest">Null when the manifest itself could not be read.</param>
/// <param name="Message">Why it is not active, or a note about an active one (e.g. a component it lost to another plugin).</param>
/// <param name="Components">Component ids it provides, as "kind:id".</param>
public sealed record PluginInfo(
    string Folder,
    PluginManifest? Manifest,
    PluginStatus Status,
    string? Message,
    IReadOnlyList<string> Components)
{
    public string Id => Manifest?.Id ?? System.IO.Path.GetFileName(Folder);

    /// <summary>Short hash of the folder's files when it was loaded; changes with every rebuild.</summary>
    public string? Build { get; init; }
}
