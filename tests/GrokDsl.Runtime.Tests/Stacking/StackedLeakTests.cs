using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Experiments;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Tests.Stacking;

/// <summary>Stacked training, like a run made alone, leaves no tensor alive once its runs are written.</summary>
public sealed class StackedLeakTests
{
    [Fact]
    public void StackedTrainingLeavesNoLiveTensorsBehind()
    {
        using var runs = new TempFolder();
        using var host = TestPlugins.LoadBuiltIns();
        var experiment = new ModularAddition() with
        {
            Data = new() { Modulus = 23, TrainFraction = 0.5 },
            Model = new() { EmbeddingWidth = 16, HiddenWidth = 32 },
            Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
            Training = new() { EvaluateEvery = 5, MeasureEvery = 10 },
        };
        var specs = Enumerable.Range(0, 3).Select(seed => (experiment with { Seed = seed }).ToRunSpec()).ToList();
        var executor = new RunCoordinator(host, SilentObserver.Instance, new Placement(Stack: true));
        executor.TrainStack(specs, runs.Path, resume: false, new RunControl(CancellationToken.None)); // warm-up: lazy initialization inside TorchSharp

        var before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var results = executor.TrainStack(specs, runs.Path, resume: false, new RunControl(CancellationToken.None));
        var after = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        Assert.All(results, r => Assert.Equal(40, r.Summary.FinalStep));
        Assert.Equal(before, after);
    }
}
