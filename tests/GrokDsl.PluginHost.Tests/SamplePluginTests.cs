using GrokDsl.PluginHostTests.Support;
using GrokDsl.Runs;

namespace GrokDsl.PluginHostTests;

/// <summary>
/// samples/GrokDsl.SamplePlugin, followed as docs/writing-a-plugin.md says: <c>dotnet build</c> it (outside the
/// solution), <c>grokdsl plugins check</c> its bin/plugin folder, and run an experiment with its dataset, model and measure.
/// </summary>
public sealed class SamplePluginTests
{
    // The docs' SampleExperiment.cs, shrunk to a few steps.
    const string Experiment = """
        using GrokDsl;

        [Component(ComponentKind.Dataset, "sample-modular-product")]
        public sealed record ModularProduct
        {
            public int Modulus { get; init; } = 59;
            public double TrainFraction { get; init; } = 0.4;
        }

        [Component(ComponentKind.Model, "sample-mlp")]
        public sealed record SampleMlp
        {
            public int EmbeddingWidth { get; init; } = 32;
            public int HiddenWidth { get; init; } = 128;
        }

        [Experiment("sample-tiny", Source = "plugin host test")]
        public sealed partial record SampleTiny
        {
            public ModularProduct Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public SampleMlp Model { get; init; } = new() { EmbeddingWidth = 8, HiddenWidth = 16 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 10 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 20, StopAfterGrokking = false };
            public IReadOnlyList<string> Measures { get; init; } = ["sample-margin"];
        }
        """;

    [Fact]
    public void TheSamplePluginBuildsOutOfTreeAsDocumentedPassesCheckAndRunsAnExperiment()
    {
        var sample = Path.Combine(Repository.Root(), "samples", "GrokDsl.SamplePlugin");
        Dotnet.Build(sample); // exactly the docs' command
        var pluginFolder = Path.Combine(sample, "bin", "plugin");
        using var work = new TempFolder();
        var experiment = Path.Combine(work.Path, "SampleTiny.cs");
        File.WriteAllText(experiment, Experiment);
        var runs = Path.Combine(work.Path, "runs");

        var check = Grokdsl.Invoke("plugins", "check", pluginFolder);
        var run = Grokdsl.InvokeWithCache(work.Sub("cache"), "run", experiment, "--plugins", pluginFolder, "--runs", runs, "--quiet");

        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        Assert.Contains("sample.modular-product 1.0.0 [dataset,model,measure] active", check.Output);
        Assert.Contains("provides: ", check.Output);
        foreach (var component in new[] { "dataset:sample-modular-product", "model:sample-mlp", "measure:sample-margin" })
            Assert.Contains(component, check.Output);
        Assert.False(File.Exists(Path.Combine(pluginFolder, "GrokDsl.dll")), "the plugin ships the contracts; the host's copy must be the only one");
        Assert.False(File.Exists(Path.Combine(pluginFolder, "TorchSharp.dll")), "the plugin ships TorchSharp; the host owns it");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var directory = new RunDirectory(Assert.Single(Directory.GetDirectories(Path.Combine(runs, "sample-tiny"))));
        Assert.Equal("1.0.0", directory.ReadSummary()!.Plugins["sample.modular-product"]);
        var measured = directory.ReadMetrics(out _).Where(m => m.Measures is not null).ToList();
        Assert.Equal([0L, 10, 20], measured.Select(m => m.Step));
        Assert.All(measured, m => Assert.InRange(m.Measures!["sample-margin.positive"], 0, 1));
    }
}
