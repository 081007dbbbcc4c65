using GrokDsl.PluginHostTests.Support;
using GrokDsl.Runs;
using static GrokDsl.PluginHostTests.Support.FixturePlugins;

namespace GrokDsl.PluginHostTests;

/// <summary><c>grokdsl run --watch</c> as a user runs it: a plugin rebuilt while it watches is reloaded, and the run trains again on the new build.</summary>
public sealed class RunWatchTests
{
    const string Experiment = """
        namespace Lab;

        [Experiment("watched", Source = "plugin host test")]
        public sealed partial record Watched
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 10 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 20, StopAfterGrokking = false };
            public IReadOnlyList<string> Measures { get; init; } = ["fixture-measure"];
        }
        """;

    static bool IsWatching(string line) => line.StartsWith("watching ");

    [Fact]
    public async Task APluginReplacedWhileRunWatchWaitsIsReloadedAndTheNextRunUsesAndLogsTheNewVersion()
    {
        using var folder = new TempFolder();
        var plugins = folder.Sub("plugins");
        var runs = Path.Combine(folder.Path, "runs");
        var plugin = Install(V1, plugins);
        var experiment = Path.Combine(folder.Path, "Watched.cs");
        File.WriteAllText(experiment, Experiment);
        var log = new OutputLog();

        using (var grokdsl = Grokdsl.Start(["run", experiment, "--runs", runs, "--plugins", plugins, "--watch", "--quiet"], folder.Sub("cache"), log.Add))
        {
            try
            {
                await log.WaitFor(IsWatching, 1, TimeSpan.FromMinutes(3), grokdsl);
                CopyOver(V2, plugin);
                await log.WaitFor(IsWatching, 2, TimeSpan.FromMinutes(1), grokdsl);
            }
            finally
            {
                grokdsl.Kill(entireProcessTree: true);
                await grokdsl.WaitForExitAsync();
            }
        }

        var lines = log.Lines;
        Assert.Contains("plugin fixture.measures reloaded as 2.0.0: active", lines);
        var runLog = lines.Where(l => l.StartsWith("  plugins: ")).ToList();
        Assert.Equal(2, runLog.Count);
        Assert.Contains("fixture.measures 1.0.0", runLog[0]);
        Assert.Contains("fixture.measures 2.0.0", runLog[1]);
        // The configuration did not change, so the second run replaced the first in the same run directory.
        var run = new RunDirectory(Assert.Single(Directory.GetDirectories(Path.Combine(runs, "watched"))));
        Assert.Equal("2.0.0", run.ReadSummary()!.Plugins["fixture.measures"]);
        var revisions = run.ReadMetrics(out _).Where(m => m.Measures is not null).Select(m => m.Measures!["fixture-measure.revision"]).ToList();
        Assert.Equal([2.0, 2.0, 2.0], revisions);
    }
}
