namespace GrokDsl.Runtime.Plugins;

/// <summary>
/// Marks plugins as in use by a run. While a lease is held, <see cref="PluginHost.Refresh"/> waits
/// before it unloads or replaces any of its plugins (it drains them); dispose the lease when the run
/// has released everything the plugins created.
/// </summary>
public sealed class PluginLease : IDisposable
{
    readonly PluginHost _host;
    int _released;

    internal PluginLease(PluginHost host, IReadOnlyList<LoadedPlugin> plugins)
    {
        (_host, Plugins) = (host, plugins);
        ThreadId = Environment.CurrentManagedThreadId;
    }

    internal IReadOnlyList<LoadedPlugin> Plugins { get; }

    internal int ThreadId { get; }

    /// <summary>Ids and versions of the leased plugins, as run summaries record them.</summary>
    public IReadOnlyDictionary<string, string> Versions =>
        Plugins.Where(p => p.Info.Manifest is not null).ToDictionary(p => p.Info.Id, p => p.Info.Manifest!.Version);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _host.Release(this);
    }
}
