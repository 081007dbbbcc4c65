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
    public async Task WaitForChangeReturnsOnceAfterABurstOfWritesHasGoneQuiet()
    {
        using var folder = new TempFolder();
        using var watcher = new ChangeWatcher([folder.Path]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var waiting = Task.Run(() => watcher.WaitForChange(TimeSpan.FromMilliseconds(300), cancel.Token));
        for (var i = 0; i < 5; i++)
        {
            File.WriteAllText(Path.Combine(folder.Path, $"file{i}.txt"), "x");
            await Task.Delay(50);
        }

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(watcher.TakeChange());
    }
}
