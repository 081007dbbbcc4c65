using System.Security.Cryptography;
using System.Text;

namespace GrokDsl.Runtime.Plugins;

/// <summary>
/// Signals when anything under some folders (recursively) or some files changes: created, written,
/// deleted or renamed, including a folder moved into place. Uses FileSystemWatcher where it works and
/// falls back to polling where it does not: a path that does not exist yet, a watcher that cannot start
/// (inotify limits) or overflows, or <see cref="PollingVariable"/> set for network file systems, where
/// native watchers see nothing. It only signals; what to reload is decided by <see cref="PluginHost.Refresh"/>.
/// </summary>
public sealed class ChangeWatcher : IDisposable
{
    /// <summary>Set to 1 to always poll, e.g. for plugin folders on NFS or Lustre.</summary>
    public const string PollingVariable = "GROKDSL_WATCH_POLLING";

    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    readonly IReadOnlyList<string> _paths;
    readonly Action? _onChange;
    readonly ManualResetEventSlim _changed = new();
    readonly List<FileSystemWatcher> _watchers = [];
    readonly object _gate = new();
    Timer? _poll;
    string? _lastStamp;
    volatile bool _disposed;

    /// <param name="paths">Folders (watched with everything inside) and files.</param>
    /// <param name="onChange">Called on a watcher thread at every change, before the signal is set.</param>
    public ChangeWatcher(IEnumerable<string> paths, Action? onChange = null, bool forcePolling = false)
    {
        (_paths, _onChange) = ([.. paths.Select(Path.GetFullPath).Distinct()], onChange);
        var poll = forcePolling || Environment.GetEnvironmentVariable(PollingVariable) is "1" or "true" || !TryStartWatchers();
        if (poll) StartPolling();
    }

    /// <summary>True when changes are found by polling rather than by file system events.</summary>
    public bool IsPolling => Volatile.Read(ref _poll) is not null;

    /// <summary>Set when something changed since the last <see cref="TakeChange"/>.</summary>
    public WaitHandle Changed => _changed.WaitHandle;

    /// <summary>Whether something changed since the last call; resets the signal.</summary>
    public bool TakeChange()
    {
        var changed = _changed.IsSet;
        _changed.Reset();
        return changed;
    }

    /// <summary>
    /// Blocks until something changes and then nothing more changes for <paramref name="quiet"/>, so a
    /// copy of many files counts once. False when cancelled.
    /// </summary>
    public bool WaitForChange(TimeSpan quiet, CancellationToken cancellation)
    {
        WaitHandle[] handles = [Changed, cancellation.WaitHandle];
        if (WaitHandle.WaitAny(handles) != 0) return false;
        do TakeChange();
        while (WaitHandle.WaitAny(handles, quiet) == 0);
        return !cancellation.IsCancellationRequested;
    }

    bool TryStartWatchers()
    {
        try
        {
            var everyPathWatched = true;
            foreach (var path in _paths)
            {
                if (Directory.Exists(path)) Start(new FileSystemWatcher(path) { IncludeSubdirectories = true }, _ => true);
                else if (File.Exists(path)) Start(new FileSystemWatcher(Path.GetDirectoryName(path)!), changed => changed == path);
                else everyPathWatched = false; // nothing to attach to yet; polling sees it appear
            }
            return everyPathWatched;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    void Start(FileSystemWatcher watcher, Func<string, bool> concerns)
    {
        _watchers.Add(watcher);
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime;
        FileSystemEventHandler onEvent = (_, e) => { if (concerns(e.FullPath)) Signal(); };
        watcher.Created += onEvent;
        watcher.Changed += onEvent;
        watcher.Deleted += onEvent;
        watcher.Renamed += (_, e) => { if (concerns(e.FullPath) || concerns(e.OldFullPath)) Signal(); };
        // An overflow loses events: assume something changed, and stop trusting events from here on.
        watcher.Error += (_, _) =>
        {
            Signal();
            StartPolling();
        };
        watcher.EnableRaisingEvents = true;
    }

    void StartPolling()
    {
        lock (_gate)
        {
            if (_poll is not null) return;
            _lastStamp = Stamp();
            _poll = new Timer(_ => Poll(), null, PollInterval, PollInterval);
        }
    }

    void Poll()
    {
        var stamp = Stamp();
        lock (_gate)
        {
            if (stamp == _lastStamp) return;
            _lastStamp = stamp;
        }
        Signal();
    }

    void Signal()
    {
        if (_disposed) return;
        _onChange?.Invoke();
        try
        {
            _changed.Set();
        }
        catch (ObjectDisposedException)
        {
            // disposed while an event was on its way: nobody is waiting any more
        }
    }

    // Names, sizes and write times of everything watched; any change to them changes the stamp.
    string Stamp()
    {
        var text = new StringBuilder();
        foreach (var path in _paths)
        {
            try
            {
                if (File.Exists(path)) Describe(text, new FileInfo(path));
                else if (Directory.Exists(path))
                    foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).OrderBy(e => e.FullName, StringComparer.Ordinal))
                        Describe(text, entry);
                else text.Append(path).Append(" missing\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                text.Append(path).Append(" unreadable\n"); // changing right now; the next poll sees the result
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    static void Describe(StringBuilder text, FileSystemInfo entry) =>
        text.Append(entry.FullName).Append('\0').Append(entry is FileInfo file ? file.Length : -1).Append('\0').Append(entry.LastWriteTimeUtc.Ticks).Append('\n');

    public void Dispose()
    {
        _disposed = true;
        foreach (var watcher in _watchers) watcher.Dispose();
        lock (_gate) _poll?.Dispose();
        _changed.Dispose();
    }
}
