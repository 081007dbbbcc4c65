using GrokDsl.PluginHostTests.Support;
using GrokDsl.Runtime.Plugins;
using static GrokDsl.PluginHostTests.Support.FixturePlugins;

namespace GrokDsl.PluginHostTests;

public sealed class DiscoveryTests
{
    [Fact]
    public void APluginBuiltOutOfTreeIsDiscoveredAndMeasuresARealRun()
    {
        using var plugins = new TempFolder();
        using var runs = new TempFolder();
        Install(V1, plugins.Path);
        using var host = PluginHost.Load([plugins.Path, BuiltInFolder]);

        var fixture = Assert.Single(host.Plugins, p => p.Id == "fixture.measures");
        Assert.Equal(PluginStatus.Active, fixture.Status);
        Assert.Equal(["measure:fixture-measure", "measure:fixture-throwing-measure"], fixture.Components.Order());
        Assert.NotNull(fixture.Build);

        var result = TinyRuns.Run(host, TinyRuns.Spec(0, "fixture-measure"), runs.Path);

        Assert.Equal([(0L, 1.0), (10L, 1.0), (20L, 1.0)], TinyRuns.Series(result, "fixture-measure.revision"));
        Assert.All(TinyRuns.Series(result, "fixture-measure.parameters"), point => Assert.True(point.Value > 0));
        Assert.Equal("1.0.0", result.Summary.Plugins["fixture.measures"]);
        Assert.Equal("0.1.0", result.Summary.Plugins["grokdsl.mlp"]);
        Assert.Null(result.Directory.ReadSummary()!.FailedMeasures);
    }

    [Fact]
    public void AFolderEarlierInTheSearchOrderWinsAComponentBothProvide()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        Install(V2, first.Path);
        Install(V1, second.Path);

        using var host = PluginHost.Load([first.Path, second.Path]);

        Assert.Equal("2.0.0", host.PluginOf(ComponentKind.Measure, "fixture-measure").Manifest!.Version);
        var loser = Assert.Single(host.Plugins, p => p.Folder.StartsWith(second.Path));
        Assert.Equal(PluginStatus.Active, loser.Status);
        Assert.Contains("measure:fixture-measure is already provided by fixture.measures", loser.Message);
    }
}
