using GrokDsl.PluginHostTests.Support;
using GrokDsl.Runtime.Plugins;
using static GrokDsl.PluginHostTests.Support.FixturePlugins;

namespace GrokDsl.PluginHostTests;

/// <summary>A watched plugin folder: a dropped-in plugin marks the host dirty, and a refresh makes it available.</summary>
public sealed class WatchTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APluginFolderDroppedIntoAWatchedFolderIsResolvableAfterRefreshWithoutANewHost(bool polling)
    {
        using var plugins = new TempFolder();
        using var staging = new TempFolder();
        using var host = PluginHost.Load([plugins.Path], TimeSpan.Zero);
        using var watcher = host.Watch(forcePolling: polling);
        Assert.Throws<ComponentNotFoundException>(() => host.Measure("fixture-measure"));

        var staged = Install(V1, staging.Path);
        Directory.Move(staged, Path.Combine(plugins.Path, "fixture"));
        var signalled = watcher.Changed.WaitOne(TimeSpan.FromSeconds(10));
        var dirty = host.IsDirty;
        var refresh = host.Refresh();

        Assert.Equal(polling, watcher.IsPolling);
        Assert.True(signalled, "the watcher did not notice the new folder");
        Assert.True(dirty);
        Assert.False(host.IsDirty);
        Assert.Equal(["fixture.measures"], refresh.Added.Select(p => p.Id));
        Assert.Equal("fixture-measure", host.Measure("fixture-measure").Id);
    }

    [Fact]
    public void AWatcherOnAFolderThatDoesNotExistYetPollsAndSeesItAppear()
    {
        using var parent = new TempFolder();
        var later = Path.Combine(parent.Path, "plugins");
        using var watcher = new ChangeWatcher([later]);

        Directory.CreateDirectory(later);

        Assert.True(watcher.IsPolling);
        Assert.True(watcher.Changed.WaitOne(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitForChangeReturnsOnlyAfterABurstOfWritesHasGoneQuiet()
    {
        using var folder = new TempFolder();
        using var watcher = new ChangeWatcher([folder.Path]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var quiet = TimeSpan.FromMilliseconds(300);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var waiting = Task.Run(() => (Changed: watcher.WaitForChange(quiet, cancel.Token), At: clock.Elapsed));
        var writes = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(50);
            File.WriteAllText(Path.Combine(folder.Path, $"file{i}.txt"), "x");
            writes.Add(clock.Elapsed);
        }
        var (changed, returnedAt) = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(changed);
        // On a loaded machine a gap between two writes can itself exceed the quiet period, and then returning
        // inside the burst is right. What must hold: a full quiet period passed after the last write seen before
        // returning. Writes finished just before the return may not have been delivered yet, hence the margin;
        // a write's event can come while the write still runs, hence the tolerance.
        var margin = TimeSpan.FromMilliseconds(100);
        var lastWriteBefore = writes.Where(w => w <= returnedAt - margin).DefaultIfEmpty(writes[0]).Max();
        Assert.True(returnedAt >= lastWriteBefore + quiet - TimeSpan.FromMilliseconds(50), $"returned at {returnedAt}, writes at {string.Join(", ", writes)}");
    }
}
