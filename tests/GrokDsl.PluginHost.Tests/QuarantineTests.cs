using GrokDsl.Contracts;
using GrokDsl.PluginHostTests.Support;
using GrokDsl.Runs;
using GrokDsl.Runtime.Plugins;
using static GrokDsl.PluginHostTests.Support.FixturePlugins;

namespace GrokDsl.PluginHostTests;

/// <summary>Each way a plugin breaks gives its own status and message, and nothing else breaks.</summary>
public sealed class QuarantineTests
{
    // Another major version either way, or a newer minor version than this host provides.
    public static TheoryData<string> UnservableContractVersions =>
        [$"{ContractVersion.Major + 1}.0", $"{ContractVersion.Major}.{ContractVersion.Minor + 1}", $"{ContractVersion.Major - 1}.9"];

    [Theory]
    [MemberData(nameof(UnservableContractVersions))]
    public void AContractVersionThisHostCannotServeIsIncompatibleAndNamesBothVersions(string contractVersion)
    {
        var plugin = LoadDamaged(V1, folder => EditManifest(folder, text => text.Replace("\"contractVersion\": \"1.0\"", $"\"contractVersion\": \"{contractVersion}\"")));

        Assert.Equal(PluginStatus.Incompatible, plugin.Status);
        Assert.Contains($"built for contract version {contractVersion}", plugin.Message);
        Assert.Contains($"this GrokDsl provides {ContractVersion.Current}", plugin.Message);
        Assert.Empty(plugin.Components);
    }

    [Fact]
    public void AMissingEntryAssemblyFailsAndNamesIt()
    {
        var plugin = LoadDamaged(V1, folder => File.Delete(Path.Combine(folder, EntryAssembly)));

        Assert.Equal(PluginStatus.Failed, plugin.Status);
        Assert.Contains($"entry assembly '{EntryAssembly}' not found", plugin.Message);
    }

    [Fact]
    public void AMissingDependencyFailsAtLoadThroughEagerTypeLoadingNotMidRun()
    {
        var plugin = LoadDamaged(V1, folder => File.Delete(Path.Combine(folder, PrivateDependency)));

        Assert.Equal(PluginStatus.Failed, plugin.Status);
        Assert.StartsWith("type load failed: ", plugin.Message);
        Assert.Contains("FixtureSupport", plugin.Message);
    }

    [Fact]
    public void AProviderWhoseConstructorThrowsFailsWithTheTypeAndTheExceptionMessage()
    {
        var plugin = LoadDamaged(ThrowingConstructor, _ => { });

        Assert.Equal(PluginStatus.Failed, plugin.Status);
        Assert.Equal("constructor of GrokDsl.Fixtures.RevisionMeasureProvider threw InvalidOperationException: the fixture refuses to construct", plugin.Message);
    }

    [Theory]
    [InlineData("../escape", "contains a path separator '/'")]
    [InlineData("grokdsl..fixture", "contains '..'")]
    [InlineData("has space", "contains a space")]
    public void APluginWithAnIdBreakingTheIdRuleIsQuarantined(string id, string problem)
    {
        var plugin = LoadDamaged(V1, folder => EditManifest(folder, text => System.Text.RegularExpressions.Regex.Replace(text, "\"id\": \"[^\"]*\"", $"\"id\": \"{id}\"")));

        Assert.Equal(PluginStatus.Failed, plugin.Status);
        Assert.Contains($"id '{id}' {problem}", plugin.Message);
        Assert.Empty(plugin.Components);
    }

    [Fact]
    public void ADisabledPluginIsListedButNotLoaded()
    {
        var plugin = LoadDamaged(V1, folder => EditManifest(folder, text => text.Replace("\"kinds\"", "\"disabled\": true, \"kinds\"")));

        Assert.Equal(PluginStatus.Disabled, plugin.Status);
        Assert.Empty(plugin.Components);
    }

    [Fact]
    public void BrokenPluginsBesideAGoodOneLeaveTheHostAndItsRunsWorking()
    {
        using var plugins = new TempFolder();
        using var runs = new TempFolder();
        Damage(Install(V1, plugins.Path, "incompatible"), "fixture.incompatible", f => EditManifest(f, t => t.Replace("\"1.0\"", "\"2.0\"")));
        Damage(Install(V1, plugins.Path, "no-entry"), "fixture.no-entry", f => File.Delete(Path.Combine(f, EntryAssembly)));
        Damage(Install(V1, plugins.Path, "no-dependency"), "fixture.no-dependency", f => File.Delete(Path.Combine(f, PrivateDependency)));
        Install(ThrowingConstructor, plugins.Path, "throwing-constructor");
        Install(V1, plugins.Path, "zz-good");

        using var host = PluginHost.Load([plugins.Path, BuiltInFolder]);

        Assert.Equal(
            [("fixture.incompatible", PluginStatus.Incompatible), ("fixture.no-dependency", PluginStatus.Failed), ("fixture.no-entry", PluginStatus.Failed),
             ("fixture.throwing-constructor", PluginStatus.Failed), ("fixture.measures", PluginStatus.Active)],
            host.Plugins.Where(p => p.Folder.StartsWith(plugins.Path)).Select(p => (p.Id, p.Status)).OrderBy(p => p.Id == "fixture.measures").ThenBy(p => p.Id));
        var result = TinyRuns.Run(host, TinyRuns.Spec(0, "fixture-measure", "weight-norm"), runs.Path);
        Assert.Equal(RunStatus.Censored, result.Summary.Status);
        Assert.Equal(3, TinyRuns.Series(result, "fixture-measure.revision").Count);
        var missing = Assert.Throws<ComponentNotFoundException>(() => host.Measure("no-such-measure"));
        Assert.Contains("fixture.throwing-constructor (failed): constructor of", missing.Message);
        Assert.Contains("fixture.incompatible (incompatible): built for contract version 2.0", missing.Message);
    }

    [Fact]
    public void AMeasureThatThrowsMidRunIsDisabledForThatRunWhileTheRunAndTheNextOneGoOn()
    {
        using var plugins = new TempFolder();
        using var runs = new TempFolder();
        Install(V1, plugins.Path);
        using var host = PluginHost.Load([plugins.Path, BuiltInFolder]);
        var observer = new RecordingObserver();

        var first = TinyRuns.Run(host, TinyRuns.Spec(0, "fixture-measure", "fixture-throwing-measure"), runs.Path, observer);
        var second = TinyRuns.Run(host, TinyRuns.Spec(1, "fixture-measure", "fixture-throwing-measure"), runs.Path, observer);

        foreach (var run in new[] { first, second })
        {
            Assert.Equal(RunStatus.Censored, run.Summary.Status);
            Assert.Equal(20, run.Summary.FinalStep);
            Assert.Equal([0L], TinyRuns.Series(run, "fixture-throwing-measure.ok").Select(p => p.Step));
            Assert.Equal([0L, 10, 20], TinyRuns.Series(run, "fixture-measure.revision").Select(p => p.Step));
            var recorded = run.Directory.ReadSummary()!.FailedMeasures;
            Assert.Equal("InvalidOperationException: fixture measure fails from step 10", Assert.Single(recorded!, f => f.Key == "fixture-throwing-measure").Value);
        }
        Assert.Equal(["fixture-throwing-measure: fixture measure fails from step 10", "fixture-throwing-measure: fixture measure fails from step 10"], observer.MeasureFailures);
        Assert.Equal(PluginStatus.Active, host.PluginOf(ComponentKind.Measure, "fixture-throwing-measure").Status);
    }

    static PluginInfo LoadDamaged(string variant, Action<string> damage)
    {
        using var plugins = new TempFolder();
        damage(Install(variant, plugins.Path));
        using var host = PluginHost.Load([plugins.Path]);
        return Assert.Single(host.Plugins);
    }

    static void Damage(string folder, string id, Action<string> damage)
    {
        EditManifest(folder, text => text.Replace("\"fixture.measures\"", $"\"{id}\""));
        damage(folder);
    }
}
