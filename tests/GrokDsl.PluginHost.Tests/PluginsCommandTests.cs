using System.Text.Json;
using GrokDsl.PluginHostTests.Support;
using static GrokDsl.PluginHostTests.Support.FixturePlugins;

namespace GrokDsl.PluginHostTests;

/// <summary><c>grokdsl plugins list|check</c> on fixture plugins: what a user sees, as text and as JSON.</summary>
public sealed class PluginsCommandTests
{
    [Fact]
    public void ListShowsIdVersionKindsComponentsStatusAndFolderOfEveryPlugin()
    {
        using var plugins = new TempFolder();
        var good = Install(V1, plugins.Path, "good");
        var incompatible = Install(V1, plugins.Path, "incompatible");
        EditManifest(incompatible, text => text.Replace("\"fixture.measures\"", "\"fixture.incompatible\"").Replace("\"1.0\"", "\"9.0\""));

        var (exitCode, output, error) = Grokdsl.Invoke("plugins", "list", "--plugins", plugins.Path);

        Assert.True(exitCode == 0, error);
        Assert.Contains("fixture.measures 1.0.0 [measure] active\n  provides: measure:fixture-measure, measure:fixture-throwing-measure\n  folder: " + good, output);
        Assert.Contains("fixture.incompatible 1.0.0 [measure] incompatible\n  built for contract version 9.0", output);
        Assert.Contains("  folder: " + incompatible, output);
        Assert.Contains("grokdsl.modular-arithmetic 0.1.0 [dataset] active", output); // the bundled plugins are listed too
    }

    [Fact]
    public void ListAsJsonHasTheSameFieldsForScripts()
    {
        using var plugins = new TempFolder();
        var good = Install(V1, plugins.Path, "good");
        Install(ThrowingConstructor, plugins.Path, "throwing");

        var (exitCode, output, error) = Grokdsl.Invoke("plugins", "list", "--plugins", plugins.Path, "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var listed = json.RootElement.GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        var fixture = listed["fixture.measures"];
        Assert.Equal("1.0.0", fixture.GetProperty("version").GetString());
        Assert.Equal(["measure"], fixture.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["measure:fixture-measure", "measure:fixture-throwing-measure"], fixture.GetProperty("components").EnumerateArray().Select(k => k.GetString()).Order());
        Assert.Equal("active", fixture.GetProperty("status").GetString());
        Assert.Equal(good, fixture.GetProperty("folder").GetString());
        var throwing = listed["fixture.throwing-constructor"];
        Assert.Equal("failed", throwing.GetProperty("status").GetString());
        Assert.Contains("the fixture refuses to construct", throwing.GetProperty("message").GetString());
        Assert.Equal(plugins.Path, json.RootElement.GetProperty("searched")[0].GetString());
    }

    [Fact]
    public void CheckPassesAGoodPluginFolderAndFailsABrokenOneWithItsMessage()
    {
        using var plugins = new TempFolder();
        var good = Install(V1, plugins.Path, "good");
        var broken = Install(V1, plugins.Path, "broken");
        File.Delete(Path.Combine(broken, EntryAssembly));

        var passed = Grokdsl.Invoke("plugins", "check", good);
        var failed = Grokdsl.Invoke("plugins", "check", plugins.Path);

        Assert.Equal(0, passed.ExitCode);
        Assert.Contains("ok: 1 plugin(s) load and validate", passed.Output);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains($"entry assembly '{EntryAssembly}' not found in {broken}", failed.Output);
        Assert.Contains("1 of 2 plugin(s) did not load", failed.Output);
    }
}
