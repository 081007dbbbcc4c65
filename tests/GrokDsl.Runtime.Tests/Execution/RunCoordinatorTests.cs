using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using System.Text.Json;
using GrokDsl.Configuration;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Runtime.Tests.Execution;

public sealed class RunCoordinatorTests
{
    static readonly ModularAddition Short = new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Stopping = new() { MaxSteps = 30, StopAfterGrokking = false },
        Training = new() { EvaluateEvery = 5, MeasureEvery = 10 },
    };

    static RunResult Run(RunSpec spec, string runs, ITrainingObserver? observer = null, bool force = false)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return new RunCoordinator(host, observer ?? SilentObserver.Instance).Train(spec, runs, force, CancellationToken.None);
    }

    [Fact]
    public void ARunWritesItsConfigurationMetricsAndSummaryUnderItsContentHash()
    {
        using var runs = new TempFolder();
        var spec = Short.ToRunSpec();

        var result = Run(spec, runs.Path);

        Assert.Equal(Path.Combine(runs.Path, "modular-addition", spec.RunId), result.Directory.Path);
        Assert.Equal(spec.RunId, RunIds.FromStoredConfiguration(File.ReadAllText(result.Directory.ConfigurationPath)));
        var metrics = result.Directory.ReadMetrics(out var skipped);
        Assert.Equal(0, skipped);
        Assert.Equal([0L, 5, 10, 15, 20, 25, 30], metrics.Select(m => m.Step));
        Assert.All(metrics, m => Assert.NotNull(m.TestAccuracy));
        Assert.Equal([0L, 10, 20, 30], metrics.Where(m => m.Measures is not null).Select(m => m.Step));
        Assert.True(metrics[^1].Measures!["weight-norm.total"] > 0);

        var summary = result.Directory.ReadSummary()!;
        Assert.Equal(RunStatus.Censored, summary.Status);
        Assert.Equal(30, summary.FinalStep);
        Assert.Equal(metrics[^1].TestAccuracy, summary.FinalTestAccuracy);
        Assert.Equal("0.1.0", summary.Plugins["grokdsl.mlp"]);
    }

    [Fact]
    public void AFinishedRunIsReusedUnlessForced()
    {
        using var runs = new TempFolder();
        var spec = Short.ToRunSpec();
        Run(spec, runs.Path);

        Assert.True(Run(spec, runs.Path).Reused);
        Assert.False(Run(spec, runs.Path, force: true).Reused);
    }

    [Fact]
    public void AMissingPluginLeavesTheRunsFolderUntouched()
    {
        using var runs = new TempFolder();
        var spec = Short.ToRunSpec() with { Model = new(ComponentKind.Model, "no-such-model", Contracts.ComponentOptions.Empty) };

        var error = Assert.Throws<ComponentNotFoundException>(() => Run(spec, runs.Path));

        Assert.Contains("'no-such-model'", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(runs.Path));
    }

    [Fact]
    public void AHandEditedConfigurationIsDetectedAndNamed()
    {
        using var runs = new TempFolder();
        var spec = Short.ToRunSpec();
        var directory = Run(spec, runs.Path).Directory;
        File.WriteAllText(directory.ConfigurationPath, File.ReadAllText(directory.ConfigurationPath).Replace("\"Seed\": 0", "\"Seed\": 1"));

        var error = Assert.Throws<InvalidDataException>(() => Run(spec, runs.Path, force: true));

        Assert.Contains(directory.ConfigurationPath, error.Message);
        Assert.Contains("edited", error.Message);
    }

    [Fact]
    public void TheDefaultExperimentMemorizesBeforeItGeneralizes()
    {
        using var runs = new TempFolder();
        var spec = (new ModularAddition() with { Stopping = new() { MaxSteps = 400, StopAfterGrokking = false } }).ToRunSpec();

        var summary = Run(spec, runs.Path).Summary;

        // p = 97 memorizes within a few hundred full-batch steps (measured: ~300) while test accuracy stays low.
        Assert.NotNull(summary.MemorizedAtStep);
        Assert.True(summary.FinalTrainAccuracy >= 0.99);
        Assert.True(summary.FinalTestAccuracy < 0.5, $"test accuracy {summary.FinalTestAccuracy} should still be low");
    }

    [Fact]
    public void TrainingLeavesNoLiveTensorsBehind()
    {
        using var runs = new TempFolder();
        var spec = Short.ToRunSpec();
        Run(spec, runs.Path); // warm-up: lazy initialization inside TorchSharp

        var before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Run(spec, runs.Path, force: true);
        var after = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        Assert.Equal(before, after);
    }
}
