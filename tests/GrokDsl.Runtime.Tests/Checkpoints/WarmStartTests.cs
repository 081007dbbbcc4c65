using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Runtime.Tests.Checkpoints;

/// <summary>
/// Training.InitializeFrom: a run starts from another run's checkpoint (its parameters, exactly), has a run id of its own,
/// and is refused, with the path named, when the source is missing or corrupt.
/// </summary>
public sealed class WarmStartTests
{
    // Full batch, evaluated, measured and checkpointed every 10 steps, every checkpoint kept: any evaluated step can be a source.
    static readonly ModularAddition Source = new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.6 },
        Model = new() { EmbeddingWidth = 16, HiddenWidth = 64 },
        Optimizer = new() { LearningRate = 1e-2, WeightDecay = 1.0 },
        Training = new() { EvaluateEvery = 10, MeasureEvery = 10, CheckpointEvery = 10, KeepCheckpoints = 1000 },
        Stopping = new() { MaxSteps = 300, StopAfterGrokking = false },
        Measures = ["weight-norm"],
    };

    static RunResult Train(ModularAddition experiment, string runs)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return new RunCoordinator(host, SilentObserver.Instance).Train(experiment.ToRunSpec(), runs, force: false, CancellationToken.None);
    }

    static ModularAddition From(ModularAddition experiment, string run, long step, int maxSteps = 10) => experiment with
    {
        Training = experiment.Training with { InitializeFrom = new() { Run = run, Step = step } },
        Stopping = new() { MaxSteps = maxSteps, StopAfterGrokking = false },
    };

    static MetricRecord At(RunResult run, long step) => run.Directory.ReadMetrics(out _).Single(r => r.Step == step);

    [Fact]
    public void AMemorizedCheckpointContinuesWithWeightDecayOffFromExactlyItsParameters()
    {
        using var runs = new TempFolder();
        var source = Train(Source, runs.Path);
        var memorized = Assert.IsType<long>(source.Summary.MemorizedAtStep);

        var warm = Train(From(Source with { Optimizer = Source.Optimizer with { WeightDecay = 0 } }, source.Directory.Path, memorized), runs.Path);

        Assert.NotEqual(source.Summary.RunId, warm.Summary.RunId);
        Assert.Equal(RunStatus.Censored, warm.Summary.Status);
        var (then, now) = (At(source, memorized), At(warm, 0));
        Assert.True(now.TrainAccuracy >= 0.99, $"train accuracy {now.TrainAccuracy} at the start of the warm run");
        Assert.Equal(then.TrainLoss, now.TrainLoss);
        Assert.Equal(then.TestAccuracy, now.TestAccuracy);
        Assert.Equal(then.Measures!["weight-norm.total"], now.Measures!["weight-norm.total"]);
        Assert.Equal(0, now.Step);
        Assert.Contains("\"WeightDecay\":0", warm.Directory.ReadConfiguration()!.Replace(" ", "").Replace("\n", ""));
    }

    [Fact]
    public void AGrokkedCheckpointContinuesOnASmallerTrainingSetAndTheSourceStepIsPartOfTheRunId()
    {
        using var runs = new TempFolder();
        // With 90% of the pairs to learn from, this small network groks (90% test accuracy) within a few hundred steps.
        var groks = Source with
        {
            Data = Source.Data with { TrainFraction = 0.9 },
            Training = Source.Training with { GrokkingThreshold = 0.9 },
            Stopping = new() { MaxSteps = 3000, StopAfterGrokking = true },
        };
        var source = Train(groks, runs.Path);
        var grokked = Assert.IsType<long>(source.Summary.GrokkedAtStep);
        var smaller = groks with { Data = groks.Data with { TrainFraction = 0.3 } };

        var warm = Train(From(smaller, source.Directory.Path, grokked), runs.Path);
        var earlier = From(smaller, source.Directory.Path, grokked - 10).ToRunSpec();

        // It starts from a network that generalizes: it is grokked at its first evaluation, on its own (larger) test set.
        Assert.Equal(RunStatus.Grokked, warm.Summary.Status);
        Assert.Equal(0, warm.Summary.GrokkedAtStep);
        Assert.Equal(At(source, grokked).Measures!["weight-norm.total"], At(warm, 0).Measures!["weight-norm.total"]);
        Assert.NotEqual(earlier.RunId, warm.Summary.RunId);
        Assert.Contains("\"TrainFraction\":0.3", warm.Directory.ReadConfiguration()!.Replace(" ", "").Replace("\n", ""));
    }

    [Fact]
    public void AMissingOrCorruptSourceIsRefusedWithThePathNamedAndNothingIsWritten()
    {
        using var runs = new TempFolder();
        var missing = Path.Combine(runs.Path, "no-such-run");
        var tiny = Source with { Stopping = new() { MaxSteps = 20, StopAfterGrokking = false } };
        var source = Train(tiny, runs.Path);
        var checkpoint = Path.Combine(source.Directory.Path, "checkpoints", "step-000000010");
        File.WriteAllText(Path.Combine(checkpoint, "model.bin"), "not a model");

        var noSource = Assert.Throws<InvalidDataException>(() => Train(From(tiny, missing, 10), runs.Path));
        var corrupt = Assert.Throws<InvalidDataException>(() => Train(From(tiny, source.Directory.Path, 10), runs.Path));
        var noStep = Assert.Throws<InvalidDataException>(() => Train(From(tiny, source.Directory.Path, 15), runs.Path));

        Assert.Contains(missing, noSource.Message);
        Assert.Contains("no such run directory", noSource.Message);
        Assert.Contains(checkpoint, corrupt.Message);
        Assert.Contains("model.bin does not match its checksum", corrupt.Message);
        Assert.Contains("no checkpoint at step 15", noStep.Message);
        Assert.Equal([source.Directory.Path], Directory.GetDirectories(Path.Combine(runs.Path, "modular-addition")));
    }

    [Fact]
    public void ASourceNamedByItsExperiment_IsFoundInTheRunsFolderTheRunTrainsIn_WhereverThatFolderIs()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var tiny = Source with { Stopping = new() { MaxSteps = 20, StopAfterGrokking = false } };
        var warm = tiny with
        {
            Training = tiny.Training with { InitializeFrom = InitializeFrom.Of(tiny, step: 10) },
            Stopping = new() { MaxSteps = 10, StopAfterGrokking = false },
        };

        var sources = new[] { Train(tiny, first.Path), Train(tiny, second.Path) };
        var started = new[] { Train(warm, first.Path), Train(warm, second.Path) };

        Assert.Equal($"@modular-addition/{tiny.ToRunSpec().RunId}", warm.Training.InitializeFrom!.Run);
        Assert.Equal(started[0].Summary.RunId, started[1].Summary.RunId);
        for (var i = 0; i < 2; i++)
            Assert.Equal(At(sources[i], 10).Measures!["weight-norm.total"], At(started[i], 0).Measures!["weight-norm.total"]);
    }

    [Theory]
    [InlineData("@../outside/0f1e2d3c4b5a")]
    [InlineData("@modular-addition")]
    public void ARunsFolderSourceThatWouldLeaveTheFolderOrNamesNoRun_IsRefused(string run)
    {
        using var runs = new TempFolder();
        var tiny = Source with { Stopping = new() { MaxSteps = 10, StopAfterGrokking = false } };

        var refused = Assert.Throws<InvalidDataException>(() => Train(From(tiny, run, 10), runs.Path));

        Assert.Contains($"Training.InitializeFrom: '{run}'", refused.Message);
        Assert.False(Directory.Exists(Path.Combine(runs.Path, "modular-addition")));
    }
}
