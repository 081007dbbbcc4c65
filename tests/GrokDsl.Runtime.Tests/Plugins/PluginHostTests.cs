using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Runtime.Tests.Plugins;

public sealed class PluginHostTests
{
    [Fact]
    public void BuiltInPluginsLoadAsActivePluginsWithTheirComponents()
    {
        using var host = TestPlugins.LoadBuiltIns();

        Assert.All(host.Plugins, p => Assert.Equal(PluginStatus.Active, p.Status));
        var components = host.Plugins.SelectMany(p => p.Components).ToList();
        Assert.Contains("dataset:modular-arithmetic", components);
        Assert.Contains("model:mlp", components);
        Assert.Contains("measure:weight-norm", components);
        Assert.Equal("modular-arithmetic", host.Dataset("modular-arithmetic").Id);
    }

    [Fact]
    public void PluginBuiltForAnotherContractMajorVersionIsIncompatibleAndNamesBothVersions()
    {
        using var temp = new TempFolder();
        var folder = TestPlugins.CopyOf("GrokDsl.Plugins.Mlp", temp);
        var manifest = Path.Combine(folder, PluginManifest.FileName);
        File.WriteAllText(manifest, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(manifest), "\"contractVersion\": \"[^\"]*\"", "\"contractVersion\": \"2.0\""));

        using var host = PluginHost.Load([temp.Path]);

        var plugin = Assert.Single(host.Plugins);
        Assert.Equal(PluginStatus.Incompatible, plugin.Status);
        Assert.Contains("2.0", plugin.Message);
        Assert.Contains(GrokDsl.Contracts.ContractVersion.Current, plugin.Message);
        Assert.Throws<ComponentNotFoundException>(() => host.Model("mlp"));
    }

    [Fact]
    public void MissingEntryAssemblyFailsWithItsName()
    {
        using var temp = new TempFolder();
        var folder = TestPlugins.CopyOf("GrokDsl.Plugins.Mlp", temp);
        File.Delete(Path.Combine(folder, "GrokDsl.Plugins.Mlp.dll"));

        using var host = PluginHost.Load([temp.Path]);

        var plugin = Assert.Single(host.Plugins);
        Assert.Equal(PluginStatus.Failed, plugin.Status);
        Assert.Contains("GrokDsl.Plugins.Mlp.dll", plugin.Message);
    }

    [Fact]
    public void BrokenManifestFailsNamingTheFileAndOtherPluginsStillLoad()
    {
        using var temp = new TempFolder();
        var broken = TestPlugins.CopyOf("GrokDsl.Plugins.Mlp", temp);
        TestPlugins.CopyOf("GrokDsl.Plugins.Measures", temp);
        File.WriteAllText(Path.Combine(broken, PluginManifest.FileName), "{ \"id\": ");

        using var host = PluginHost.Load([temp.Path]);

        var failed = Assert.Single(host.Plugins, p => p.Status == PluginStatus.Failed);
        Assert.Contains(Path.Combine(broken, PluginManifest.FileName), failed.Message);
        Assert.Equal("weight-norm", host.Measure("weight-norm").Id);
    }

    [Fact]
    public void UnknownComponentNamesTheIdAndTheFoldersSearched()
    {
        using var host = TestPlugins.LoadBuiltIns();

        var error = Assert.Throws<ComponentNotFoundException>(() => host.Dataset("no-such-dataset"));

        Assert.Contains("'no-such-dataset'", error.Message);
        Assert.Contains(TestPlugins.BuiltInFolder, error.Message);
    }
}
