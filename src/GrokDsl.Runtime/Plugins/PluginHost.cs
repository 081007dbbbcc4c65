using GrokDsl.Contracts;

namespace GrokDsl.Runtime.Plugins;

/// <summary>
/// Loads every plugin folder it is given (a folder holding <c>plugin.json</c>, or a folder of such
/// folders) into its own unloadable load context, sharing only the contracts and TorchSharp with the
/// host. A plugin that fails is quarantined with a status and message; the host and other plugins go on.
/// <para>
/// Hot reload is explicit: <see cref="Refresh"/>, called between runs, compares every plugin folder
/// with what was loaded and loads new folders, reloads changed ones and unloads removed ones, after
/// draining the runs that hold a <see cref="Lease"/> on them. A <see cref="Watch">watcher</see> only
/// marks the host <see cref="IsDirty"/>; it never reloads anything itself.
/// </para>
/// </summary>
public sealed class PluginHost : IDisposable
{
    readonly object _gate = new();
    readonly TimeSpan _settleTime;
    readonly List<PluginLease> _leases = [];
    List<LoadedPlugin> _loaded = [];
    Dictionary<(ComponentKind Kind, string Id), (LoadedPlugin Plugin, object Provider)> _components = [];
    bool _refreshing, _reloading, _disposed;
    int _dirty;

    PluginHost(IReadOnlyList<string> searchedFolders, TimeSpan settleTime) =>
        (SearchedFolders, _settleTime) = (searchedFolders, settleTime);

    /// <summary>How long a plugin folder must stay unwritten before a refresh loads it (a copy may still be running).</summary>
    public static TimeSpan DefaultSettleTime { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The plugin folders that were searched, in order of precedence.</summary>
    public IReadOnlyList<string> SearchedFolders { get; }

    public IReadOnlyList<PluginInfo> Plugins
    {
        get { lock (_gate) return [.. _loaded.Select(p => p.Info)]; }
    }

    /// <summary>True when a watcher saw a plugin folder change since the last <see cref="Refresh"/>.</summary>
    public bool IsDirty => Volatile.Read(ref _dirty) == 1;

    public void MarkDirty() => Interlocked.Exchange(ref _dirty, 1);

    /// <param name="roots">Plugin folders, or folders of plugin folders; earlier ones win when two provide the same component.</param>
    /// <param name="settleTime">See <see cref="DefaultSettleTime"/>; applies to refreshes, not to this first load.</param>
    public static PluginHost Load(IEnumerable<string> roots, TimeSpan? settleTime = null)
    {
        var host = new PluginHost([.. roots.Select(Path.GetFullPath).Distinct()], settleTime ?? DefaultSettleTime);
        var loaded = host.ScanFolders().Select(folder => PluginLoading.Load(folder, PluginFingerprint.Of(folder))).ToList();
        lock (host._gate) host.Install(loaded);
        return host;
    }

    // Providers resolved here are valid until the next Refresh; a run should hold a Lease for as long as it uses them.
    public IDatasetProvider Dataset(string id) => Resolve<IDatasetProvider>(ComponentKind.Dataset, id);
    public IModelProvider Model(string id) => Resolve<IModelProvider>(ComponentKind.Model, id);
    public IMeasureProvider Measure(string id) => Resolve<IMeasureProvider>(ComponentKind.Measure, id);

    /// <summary>The plugin that provides a component.</summary>
    public PluginInfo PluginOf(ComponentKind kind, string id) => Find(kind, id).Plugin.Info;

    T Resolve<T>(ComponentKind kind, string id) => (T)Find(kind, id).Provider;

    (LoadedPlugin Plugin, object Provider) Find(ComponentKind kind, string id)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_components.TryGetValue((kind, id), out var found)) return found;
        }
        throw new ComponentNotFoundException(kind, id, this);
    }

    /// <summary>
    /// Pins the plugins that provide <paramref name="components"/> until the lease is disposed, so no
    /// refresh unloads them under a running run. Unknown components are skipped (resolving them reports
    /// the error). Waits while a refresh is replacing plugins. Take one lease per run, not nested ones.
    /// </summary>
    public PluginLease Lease(IEnumerable<ComponentRef> components)
    {
        lock (_gate)
        {
            while (_reloading) Monitor.Wait(_gate);
            ObjectDisposedException.ThrowIf(_disposed, this);
            var plugins = components.Select(c => _components.GetValueOrDefault((c.Kind, c.Id)).Plugin).OfType<LoadedPlugin>().Distinct().ToList();
            var lease = new PluginLease(this, plugins);
            _leases.Add(lease);
            return lease;
        }
    }

    internal void Release(PluginLease lease)
    {
        lock (_gate)
        {
            _leases.Remove(lease);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Brings the loaded plugins in line with the folders on disk. A folder is compared by fingerprint
    /// (file sizes, write times, the manifest's and entry assembly's contents). New folders are loaded;
    /// changed ones are drained (waiting for leases on them), unloaded, loaded again and re-validated;
    /// vanished ones are drained and unloaded. A folder written to within the settle time is left for a
    /// later refresh. Runs started afterwards see the new versions; run summaries record them.
    /// <para>
    /// For sweep runners: call <c>host.Refresh()</c> between runs, from a thread that holds no lease,
    /// and log <see cref="PluginRefresh.Describe"/>. <see cref="Coordination.RunCoordinator"/> also calls it
    /// before each run, so a sweep through the executor never starts a run on a replaced build.
    /// </para>
    /// </summary>
    /// <exception cref="InvalidOperationException">This thread holds a lease on a plugin that must be replaced.</exception>
    public PluginRefresh Refresh(CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            while (_refreshing) Monitor.Wait(_gate);
            ObjectDisposedException.ThrowIf(_disposed, this);
            _refreshing = true;
        }
        try
        {
            Interlocked.Exchange(ref _dirty, 0);
            return RefreshExclusively(cancellation);
        }
        finally
        {
            lock (_gate)
            {
                (_refreshing, _reloading) = (false, false);
                Monitor.PulseAll(_gate);
            }
        }
    }

    // Only one refresh runs at a time and only a refresh replaces _loaded, so reading it here needs no lock.
    PluginRefresh RefreshExclusively(CancellationToken cancellation)
    {
        var plan = RefreshPlan.Make(ScanFolders(), _loaded, _settleTime);
        if (plan.Outgoing.Count == 0 && plan.Incoming.Count == 0)
            return PluginRefresh.None with { Settling = plan.Settling };

        Drain(plan.Outgoing, cancellation);
        var fresh = plan.Incoming.ToDictionary(folder => folder, folder => PluginLoading.Load(folder, PluginFingerprint.Of(folder)));
        var next = plan.Folders.Select(folder => fresh.GetValueOrDefault(folder) ?? plan.Kept(folder)).OfType<LoadedPlugin>().ToList();
        foreach (var (folder, plugin) in fresh)
            if (plan.Replaced(folder) is { } old && SameVersion(old, plugin))
                plugin.NoteOnLoad($"reloaded a changed build under the same version {plugin.Info.Manifest!.Version}; bump 'version' in {PluginManifest.FileName} so run summaries tell the builds apart");

        bool installed;
        lock (_gate)
        {
            // A host disposed meanwhile has unloaded what it had; what this refresh loaded goes too.
            installed = !_disposed;
            if (installed) Install(next);
        }
        foreach (var old in plan.Outgoing) old.Unload();
        if (!installed) foreach (var plugin in fresh.Values) plugin.Unload();
        if (plan.Outgoing.Count > 0 || !installed) FrameworkCaches.ForgetUnloadedTypes();

        return new PluginRefresh(
            Added: [.. fresh.Where(f => plan.Replaced(f.Key) is null).Select(f => f.Value.Info)],
            Reloaded: [.. fresh.Where(f => plan.Replaced(f.Key) is not null).Select(f => f.Value.Info)],
            Removed: [.. plan.Outgoing.Where(p => !fresh.ContainsKey(p.Folder)).Select(p => p.Info)],
            Settling: plan.Settling);
    }

    static bool SameVersion(LoadedPlugin old, LoadedPlugin fresh) =>
        fresh.Info.Status == PluginStatus.Active && old.Info.Manifest?.Version == fresh.Info.Manifest?.Version;

    // New leases wait from here until the swap, so a run never starts on a plugin that is about to go.
    void Drain(IReadOnlyList<LoadedPlugin> outgoing, CancellationToken cancellation)
    {
        lock (_gate)
        {
            bool InUse(PluginLease lease) => lease.Plugins.Any(outgoing.Contains);
            if (_leases.Any(l => l.ThreadId == Environment.CurrentManagedThreadId && InUse(l)))
                throw new InvalidOperationException("Refresh was called by a run that still holds a lease on a plugin it must replace; call it between runs.");
            _reloading = true;
            while (_leases.Any(InUse))
            {
                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(200));
                cancellation.ThrowIfCancellationRequested();
            }
        }
    }

    // Earlier folders win a component both provide; the loser keeps a note saying so.
    void Install(List<LoadedPlugin> plugins)
    {
        var components = new Dictionary<(ComponentKind, string), (LoadedPlugin, object)>();
        foreach (var plugin in plugins)
        {
            var lost = new List<string>();
            foreach (var component in plugin.Components)
                if (!components.TryAdd((component.Kind, component.Id), (plugin, component.Provider)))
                    lost.Add($"{component.Name} is already provided by {components[(component.Kind, component.Id)].Item1.Info.Id}; this one is ignored");
            plugin.Annotate(lost);
        }
        (_loaded, _components) = (plugins, components);
    }

    IReadOnlyList<string> ScanFolders() =>
        [.. SearchedFolders.SelectMany(PluginFolders.Expand).Select(Path.GetFullPath).Distinct()];

    /// <summary>
    /// Starts watching the searched folders (and <paramref name="alsoWatch"/>, e.g. an experiment file);
    /// any change marks the host <see cref="IsDirty"/> and signals the returned watcher. Dispose it to stop.
    /// </summary>
    public ChangeWatcher Watch(IEnumerable<string>? alsoWatch = null, bool forcePolling = false) =>
        new([.. SearchedFolders, .. alsoWatch ?? []], MarkDirty, forcePolling);

    public void Dispose()
    {
        List<LoadedPlugin> loaded;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            loaded = _loaded;
            (_loaded, _components) = ([], []);
            Monitor.PulseAll(_gate);
        }
        foreach (var plugin in loaded) plugin.Unload();
        FrameworkCaches.ForgetUnloadedTypes();
    }
}
