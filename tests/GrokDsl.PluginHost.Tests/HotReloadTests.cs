using GrokDsl.Contracts;
using GrokDsl.PluginHostTests.Support;
using GrokDsl.Runtime.Plugins;
using static GrokDsl.PluginHostTests.Support.FixturePlugins;

namespace GrokDsl.PluginHostTests;

/// <summary>Replacing a plugin's files between runs: the next run uses the new build, earlier runs stay as they were.</summary>
public sealed class HotReloadTests
{
    static readonly TimeSpan NoSettling = TimeSpan.Zero;

    public static TheoryData<string> Replacements => ["copy over", "move into place"];

    [Theory]
    [MemberData(nameof(Replacements))]
    public void AMeasurePluginReplacedBetweenTwoRunsOfASweepIsUsedByTheSecondRunOnly(string replacement)
    {
        using var plugins = new TempFolder();
        using var runs = new TempFolder();
        var folder = Install(V1, plugins.Path);
        using var host = PluginHost.Load([plugins.Path, BuiltInFolder], NoSettling);

        var first = TinyRuns.Run(host, TinyRuns.Spec(0, "fixture-measure"), runs.Path);
        var firstFiles = Snapshot(first.Directory.Path);
        Replace(replacement, folder);
        var second = TinyRuns.Run(host, TinyRuns.Spec(1, "fixture-measure"), runs.Path);

        Assert.All(TinyRuns.Series(first, "fixture-measure.revision"), point => Assert.Equal(1, point.Value));
        Assert.All(TinyRuns.Series(second, "fixture-measure.revision"), point => Assert.Equal(2, point.Value));
        Assert.Equal(3, TinyRuns.Series(second, "fixture-measure.revision").Count);
        Assert.Equal("1.0.0", first.Directory.ReadSummary()!.Plugins["fixture.measures"]);
        Assert.Equal("2.0.0", second.Summary.Plugins["fixture.measures"]);
        Assert.Equal(firstFiles, Snapshot(first.Directory.Path));
    }

    [Fact]
    public void RefreshWithoutChangesKeepsTheLoadedProviders()
    {
        using var plugins = new TempFolder();
        Install(V1, plugins.Path);
        using var host = PluginHost.Load([plugins.Path], NoSettling);
        var before = host.Measure("fixture-measure");

        var refresh = host.Refresh();

        Assert.False(refresh.Changed);
        Assert.Same(before, host.Measure("fixture-measure"));
    }

    [Fact]
    public void AVanishedPluginFolderIsUnloadedAndItsComponentsAreGone()
    {
        using var plugins = new TempFolder();
        var folder = Install(V1, plugins.Path);
        using var host = PluginHost.Load([plugins.Path], NoSettling);

        Directory.Delete(folder, recursive: true);
        var refresh = host.Refresh();

        Assert.Equal(["fixture.measures"], refresh.Removed.Select(p => p.Id));
        Assert.Empty(host.Plugins);
        Assert.Throws<ComponentNotFoundException>(() => host.Measure("fixture-measure"));
    }

    [Fact]
    public void AFolderStillBeingWrittenIsLeftAloneUntilItHasBeenQuietForTheSettleTime()
    {
        using var plugins = new TempFolder();
        using var host = PluginHost.Load([plugins.Path], settleTime: TimeSpan.FromMinutes(1));
        var folder = Install(V1, plugins.Path);
        Touch(folder, DateTime.UtcNow); // as a copy in progress leaves it (File.Copy keeps the source's times)

        var early = host.Refresh();
        Touch(folder, DateTime.UtcNow.AddMinutes(-2));
        var later = host.Refresh();

        Assert.Equal([folder], early.Settling);
        Assert.Empty(early.Added);
        Assert.Equal(["fixture.measures"], later.Added.Select(p => p.Id));
        Assert.Equal("fixture-measure", host.Measure("fixture-measure").Id);
    }

    [Fact]
    public void AReloadThatKeepsTheVersionNumberSaysSoBecauseSummariesCannotTellTheBuildsApart()
    {
        using var plugins = new TempFolder();
        var folder = Install(V1, plugins.Path);
        using var host = PluginHost.Load([plugins.Path], NoSettling);

        CopyOver(V2, folder);
        EditManifest(folder, text => text.Replace("\"2.0.0\"", "\"1.0.0\""));
        var reloaded = Assert.Single(host.Refresh().Reloaded);

        Assert.Equal(PluginStatus.Active, reloaded.Status);
        Assert.Contains("same version 1.0.0; bump 'version' in plugin.json", reloaded.Message);
    }

    [Fact]
    public async Task RefreshDrainsRunsThatHoldTheChangedPluginBeforeItReplacesIt()
    {
        using var plugins = new TempFolder();
        var folder = Install(V1, plugins.Path);
        using var host = PluginHost.Load([plugins.Path], NoSettling);
        var lease = host.Lease(ComponentRef.Measures(["fixture-measure"]));

        CopyOver(V2, folder);
        var refreshing = Task.Run(() => host.Refresh());
        var finishedWhileLeased = await Task.WhenAny(refreshing, Task.Delay(TimeSpan.FromMilliseconds(500))) == refreshing;
        var versionWhileLeased = host.PluginOf(ComponentKind.Measure, "fixture-measure").Manifest!.Version;
        lease.Dispose();

        Assert.False(finishedWhileLeased);
        Assert.Equal("1.0.0", versionWhileLeased);
        var refresh = await refreshing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["fixture.measures"], refresh.Reloaded.Select(p => p.Id));
        Assert.Equal("2.0.0", host.PluginOf(ComponentKind.Measure, "fixture-measure").Manifest!.Version);
    }

    [Fact]
    public void ARunThatRefreshesWhileHoldingTheChangedPluginIsRefusedInsteadOfDeadlocking()
    {
        using var plugins = new TempFolder();
        var folder = Install(V1, plugins.Path);
        using var host = PluginHost.Load([plugins.Path], NoSettling);
        using var lease = host.Lease(ComponentRef.Measures(["fixture-measure"]));
        CopyOver(V2, folder);

        var error = Assert.Throws<InvalidOperationException>(() => host.Refresh());

        Assert.Contains("call it between runs", error.Message);
        Assert.Equal("1.0.0", host.PluginOf(ComponentKind.Measure, "fixture-measure").Manifest!.Version);
    }

    static void Replace(string how, string folder)
    {
        if (how == "copy over") CopyOver(V2, folder);
        else MoveIntoPlace(V2, folder);
    }

    static void Touch(string folder, DateTime writeTimeUtc)
    {
        foreach (var file in Directory.EnumerateFiles(folder)) File.SetLastWriteTimeUtc(file, writeTimeUtc);
    }

    static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
