using McMaster.NETCore.Plugins;

namespace GrokDsl.Runtime.Plugins;

/// <summary>A component a plugin provides, with the provider object that creates it.</summary>
sealed record ProvidedComponent(ComponentKind Kind, string Id, object Provider)
{
    public string Name => $"{Kind.ToString().ToLowerInvariant()}:{Id}";
}

/// <summary>
/// One plugin folder as loaded: its status, its load context (when active) and its providers. The
/// host is the only owner of the loader and the providers, so dropping them here is what lets the
/// load context be collected after <see cref="Unload"/>.
/// </summary>
sealed class LoadedPlugin(string folder, PluginFingerprint? fingerprint, PluginInfo info, PluginLoader? loader, IReadOnlyList<ProvidedComponent> components)
{
    PluginLoader? _loader = loader;

    public string Folder { get; } = folder;

    /// <summary>Null when the folder was changing while it was read; the next refresh looks again.</summary>
    public PluginFingerprint? Fingerprint { get; } = fingerprint;

    /// <summary>The status and message from loading, before notes about other plugins.</summary>
    public PluginInfo Loaded { get; private set; } = info;

    /// <summary>What users see: <see cref="Loaded"/> plus notes such as a component lost to another plugin.</summary>
    public PluginInfo Info { get; private set; } = info;

    public IReadOnlyList<ProvidedComponent> Components { get; private set; } = components;

    public static LoadedPlugin Quarantined(string folder, PluginFingerprint? fingerprint, PluginInfo info) =>
        new(folder, fingerprint, info, null, []);

    /// <summary>Adds a lasting note to the load message, e.g. that a reload kept the old version number.</summary>
    public void NoteOnLoad(string note) => Info = Loaded = Loaded with { Message = Join(Loaded.Message, note) };

    /// <summary>Replaces the passing notes (those recomputed whenever the set of plugins changes).</summary>
    public void Annotate(IEnumerable<string> notes) =>
        Info = Loaded with { Message = notes.Aggregate(Loaded.Message, Join) };

    static string Join(string? message, string note) => message is null ? note : $"{message}; {note}";

    /// <summary>Drops the providers and unloads the load context. Objects the plugin created must be gone too.</summary>
    public void Unload()
    {
        Components = [];
        _loader?.Dispose();
        _loader = null;
    }
}
