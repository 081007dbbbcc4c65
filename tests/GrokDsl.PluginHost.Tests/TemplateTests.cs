using System.Text.Json.Nodes;
using GrokDsl.PluginHostTests.Support;
using GrokDsl.Runs;

namespace GrokDsl.PluginHostTests;

/// <summary>
/// `dotnet new grokdsl-experiment` and `dotnet new grokdsl-plugin` from the repository's packages, as the README
/// describes: the experiment project builds with the generator and the GROK analyzers from the GrokDsl package, the
/// plugin builds into a folder without the host's assemblies, and grokdsl trains the templated experiment and one that
/// uses the templated plugin's dataset.
/// </summary>
public sealed class TemplateTests
{
    const string UsesThePlugin = """
        using GrokDsl;

        [Component(ComponentKind.Dataset, "modular-subtraction")]
        public sealed record ModularSubtraction
        {
            public int Modulus { get; init; } = 13;
            public double TrainFraction { get; init; } = 0.5;
        }

        [Experiment("uses-the-plugin", Source = "template test")]
        public sealed partial record UsesThePlugin
        {
            public ModularSubtraction Data { get; init; } = new();
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 8, HiddenWidth = 16 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 10, StopAfterGrokking = false };
        }
        """;

    [Fact]
    public void The_templates_build_against_the_packages_and_their_experiment_and_plugin_train()
    {
        using var work = new TempFolder();
        var packages = work.Sub("packages");
        var root = Repository.Root();
        // A version of its own: a package cache never holds a stale build of it.
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        foreach (var project in new[] { "GrokDsl", "GrokDsl.Plugin.Sdk", "GrokDsl.Templates" })
            Dotnet.Run("pack", Path.Combine(root, "src", project), "-c", Repository.Configuration(), "-o", packages, $"-p:Version={version}", "-nologo");
        File.WriteAllText(Path.Combine(work.Path, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><add key="local" value="{packages}" /></packageSources>
              <fallbackPackageFolders><add key="global" value="{GlobalPackages()}" /></fallbackPackageFolders>
            </configuration>
            """);
        var hive = work.Sub("hive");
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = work.Sub("nuget") };
        Dotnet.Run("new", "install", Path.Combine(packages, $"GrokDsl.Templates.{version}.nupkg"), "--debug:custom-hive", hive);
        Dotnet.Run("new", "grokdsl-experiment", "-o", Path.Combine(work.Path, "MyLab"), "--grokdslVersion", version, "--debug:custom-hive", hive);
        Dotnet.Run("new", "grokdsl-plugin", "-o", Path.Combine(work.Path, "MyPlugin"), "--grokdslVersion", version, "--debug:custom-hive", hive);

        var lab = Dotnet.Start("dotnet", ["build", "MyLab", "-nologo", "-nodeReuse:false"], work.Path, isolated);
        var plugin = Dotnet.Start("dotnet", ["build", "MyPlugin", "-nologo", "-nodeReuse:false"], work.Path, isolated);
        File.WriteAllText(Path.Combine(work.Path, "MyLab", "Broken.cs"), """
            using GrokDsl;
            [Experiment("broken", Source = "template test")]
            public sealed partial record Broken
            {
                public ModularArithmetic Data { get; init; } = new();
                public Mlp Model { get; init; } = new();
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1 };
                [Sweep] public int Seed { get; init; }
            }
            """);
        var broken = Dotnet.Start("dotnet", ["build", "MyLab", "-nologo", "-nodeReuse:false"], work.Path, isolated);

        Assert.True(lab.ExitCode == 0, lab.Output);
        Assert.True(plugin.ExitCode == 0, plugin.Output);
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("error GROK0006", broken.Output);
        var pluginFolder = Path.Combine(work.Path, "MyPlugin", "bin", "plugin");
        Assert.True(File.Exists(Path.Combine(pluginFolder, "plugin.json")));
        Assert.False(File.Exists(Path.Combine(pluginFolder, "GrokDsl.dll")), "the host's contracts must be the only copy");
        Assert.False(File.Exists(Path.Combine(pluginFolder, "TorchSharp.dll")), "the host owns TorchSharp");

        File.Delete(Path.Combine(work.Path, "MyLab", "Broken.cs"));
        var runs = Path.Combine(work.Path, "runs");
        File.WriteAllText(Path.Combine(work.Path, "UsesThePlugin.cs"), UsesThePlugin);
        var templated = Grokdsl.InvokeWithCache(work.Sub("cache"),
            "run", Path.Combine(work.Path, "MyLab", "Experiment.cs"), "--set", "Stopping.MaxSteps=10", "--sweep", "Seed=0", "--runs", runs, "--quiet");
        var withPlugin = Grokdsl.InvokeWithCache(work.Sub("cache2"),
            "run", Path.Combine(work.Path, "UsesThePlugin.cs"), "--plugins", pluginFolder, "--runs", runs, "--quiet");

        Assert.True(templated.ExitCode == 0, templated.Output + templated.Error);
        Assert.Equal(10, new RunDirectory(Assert.Single(Directory.GetDirectories(Path.Combine(runs, "grok-experiment")))).ReadSummary()!.FinalStep);
        Assert.True(withPlugin.ExitCode == 0, withPlugin.Output + withPlugin.Error);
        var summary = new RunDirectory(Assert.Single(Directory.GetDirectories(Path.Combine(runs, "uses-the-plugin")))).ReadSummary()!;
        Assert.Equal(10, summary.FinalStep);
        Assert.Equal("1.0.0", summary.Plugins["my.modular-subtraction"]);
    }

    [Fact]
    public void The_templates_default_to_the_version_this_repository_packs()
    {
        var version = typeof(ExperimentAttribute).Assembly.GetName().Version!.ToString(3);
        foreach (var template in new[] { "grokdsl-experiment", "grokdsl-plugin" })
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root(), "src", "GrokDsl.Templates", "content", template, ".template.config", "template.json")))!;
            Assert.Equal(version, (string?)json["symbols"]!["grokdslVersion"]!["defaultValue"]);
        }
    }

    static string GlobalPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

}
