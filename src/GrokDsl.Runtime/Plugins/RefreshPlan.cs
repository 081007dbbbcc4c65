namespace GrokDsl.Runtime.Plugins;

/// <summary>
/// What a refresh must do, decided from fingerprints before anything is unloaded: which folders to
/// load (new or changed), which loaded plugins go (changed or vanished), and which folders to leave
/// alone for now because they were written to within the settle time.
/// </summary>
sealed class RefreshPlan
{
    readonly Dictionary<string, LoadedPlugin> _loadedByFolder;
    readonly HashSet<string> _incoming;

    RefreshPlan(IReadOnlyList<string> folders, Dictionary<string, LoadedPlugin> loadedByFolder, List<string> incoming, List<string> settling)
    {
        (Folders, _loadedByFolder, Incoming, Settling) = (folders, loadedByFolder, incoming, settling);
        _incoming = [.. incoming];
        Outgoing = [.. loadedByFolder.Values.Where(p => _incoming.Contains(p.Folder) || !folders.Contains(p.Folder))];
    }

    /// <summary>Every plugin folder found now, in order of precedence.</summary>
    public IReadOnlyList<string> Folders { get; }

    public IReadOnlyList<string> Incoming { get; }

    public IReadOnlyList<LoadedPlugin> Outgoing { get; }

    public IReadOnlyList<string> Settling { get; }

    /// <summary>The loaded plugin a folder keeps (unchanged or still settling); null for a folder being loaded or not loaded yet.</summary>
    public LoadedPlugin? Kept(string folder) => _incoming.Contains(folder) ? null : _loadedByFolder.GetValueOrDefault(folder);

    /// <summary>The plugin an incoming folder replaces; null when the folder is new.</summary>
    public LoadedPlugin? Replaced(string folder) => _incoming.Contains(folder) ? _loadedByFolder.GetValueOrDefault(folder) : null;

    public static RefreshPlan Make(IReadOnlyList<string> folders, IReadOnlyList<LoadedPlugin> loaded, TimeSpan settleTime)
    {
        var loadedByFolder = loaded.ToDictionary(p => p.Folder);
        var (incoming, settling) = (new List<string>(), new List<string>());
        foreach (var folder in folders)
        {
            var now = PluginFingerprint.Of(folder);
            var before = loadedByFolder.GetValueOrDefault(folder);
            if (now is not null && before?.Fingerprint?.Hash == now.Hash) continue;
            if (now is null || IsRecent(now.NewestWriteUtc, settleTime)) settling.Add(folder);
            else incoming.Add(folder);
        }
        return new RefreshPlan(folders, loadedByFolder, incoming, settling);
    }

    // A write time in the future (clock skew, a network share) must not defer a folder forever.
    static bool IsRecent(DateTime writeUtc, TimeSpan settleTime) =>
        DateTime.UtcNow - writeUtc is var age && age >= TimeSpan.Zero && age < settleTime;
}
