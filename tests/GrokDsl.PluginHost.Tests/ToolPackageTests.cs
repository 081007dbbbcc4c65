using GrokDsl.PluginHostTests.Support;
using GrokDsl.Runs;

namespace GrokDsl.PluginHostTests;

/// <summary>
/// The README's installed-tool route, on a machine that has only the package: <c>dotnet pack src/GrokDsl.Cli</c>,
/// <c>dotnet tool install</c> from that folder, then the installed <c>grokdsl</c> lists the built-in plugins and trains a
/// built-in experiment and a loose experiment file.
/// </summary>
public sealed class ToolPackageTests
{
    const string LooseExperiment = """
        using GrokDsl;

        [Experiment("tool-tiny", Source = "tool package test")]
        public sealed partial record ToolTiny
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 11, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 8, HiddenWidth = 16 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 10, StopAfterGrokking = false };
        }
        """;

    [Fact]
    public void The_packed_tool_installs_with_its_plugins_and_trains_built_in_and_loose_experiments()
    {
        using var work = new TempFolder();
        var (packages, tools, runs) = (work.Sub("packages"), work.Sub("tools"), Path.Combine(work.Path, "runs"));
        // The project was built with these tests (they reference it); pack only publishes and zips that build.
        Dotnet.Run("pack", Path.Combine(Repository.Root(), "src", "GrokDsl.Cli"), "-c", Repository.Configuration(), "--no-build", "-o", packages, "-nologo");
        var package = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(packages, "GrokDsl.Cli.*.nupkg")));
        // A private package cache: a cached package of the same version would otherwise be installed instead of this one.
        var cache = new Dictionary<string, string> { ["NUGET_PACKAGES"] = work.Sub("nuget") };
        var install = Dotnet.Start("dotnet", ["tool", "install", "GrokDsl.Cli", "--tool-path", tools, "--add-source", packages, "--version", package["GrokDsl.Cli.".Length..]], work.Path, cache);
        Assert.True(install.ExitCode == 0, install.Output);
        var grokdsl = Path.Combine(tools, OperatingSystem.IsWindows() ? "grokdsl.exe" : "grokdsl");
        var environment = new Dictionary<string, string> { ["GROKDSL_CACHE"] = work.Sub("cache"), ["GROKDSL_PLUGIN_PATH"] = "" };

        var plugins = Dotnet.Start(grokdsl, ["plugins", "list"], work.Path, environment);
        var builtIn = Dotnet.Start(grokdsl, ["run", "modular-addition", "--set", "Stopping.MaxSteps=20", "--runs", runs, "--quiet"], work.Path, environment);
        File.WriteAllText(Path.Combine(work.Path, "ToolTiny.cs"), LooseExperiment);
        var loose = Dotnet.Start(grokdsl, ["run", "ToolTiny.cs", "--runs", runs, "--quiet"], work.Path, environment);

        Assert.True(plugins.ExitCode == 0, plugins.Output);
        foreach (var component in new[] { "dataset:modular-arithmetic", "model:mlp", "model:transformer" })
            Assert.Contains(component, plugins.Output);
        Assert.True(builtIn.ExitCode == 0, builtIn.Output);
        Assert.Equal(20, new RunDirectory(Assert.Single(Directory.GetDirectories(Path.Combine(runs, "modular-addition")))).ReadSummary()!.FinalStep);
        Assert.True(loose.ExitCode == 0, loose.Output);
        Assert.Equal(10, new RunDirectory(Assert.Single(Directory.GetDirectories(Path.Combine(runs, "tool-tiny")))).ReadSummary()!.FinalStep);
    }
}
