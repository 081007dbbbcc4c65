using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Tests.Stacking;

/// <summary>
/// Transformer runs stacked through the <see cref="RunCoordinator"/> must be indistinguishable from the same runs
/// made one by one, up to float rounding: Nanda et al.'s architecture and Power et al.'s (post-LayerNorm, sinusoidal
/// positions, no MLP biases, two layers), each its own stack.
/// </summary>
public sealed class StackedTransformerTrainingTests
{
    static readonly Nanda2023 Nanda = Nanda2023.Smoke with
    {
        Data = Nanda2023.Smoke.Data with { Modulus = 13 },
        Model = Transformer.Nanda2023 with { Width = 16, Heads = 4, MlpWidth = 32 },
        Training = Nanda2023.Smoke.Training with { EvaluateEvery = 5, MeasureEvery = 10 },
        Stopping = new() { MaxSteps = 20, StopAfterGrokking = false },
        Measures = ["weight-norm"],
    };

    static readonly Power2022 Power = Power2022.Smoke with
    {
        Model = Transformer.Power2022 with { Width = 16, Heads = 2, MlpWidth = 32 },
        Training = Power2022.Smoke.Training with { BatchSize = 0, EvaluateEvery = 5, MeasureEvery = 10 },
        Stopping = new() { MaxSteps = 20, StopAfterGrokking = false },
    };

    // Seeds (so splits and initial values), learning rates, weight decays, warmups and init scales differ per run;
    // the last Nanda run's learning rate blows it up, which must not disturb the others.
    static readonly RunSpec[] Runs =
    [
        Nanda.ToRunSpec(),
        (Nanda with { Seed = 1, Optimizer = Nanda.Optimizer with { LearningRate = 3e-3, WeightDecay = 0.1, WarmupSteps = 0 } }).ToRunSpec(),
        (Nanda with { Seed = 2, Model = Nanda.Model with { InitScale = 0.5 }, Optimizer = Nanda.Optimizer with { WeightDecay = 0 } }).ToRunSpec(),
        (Nanda with { Seed = 3, Optimizer = Nanda.Optimizer with { LearningRate = 1e30 } }).ToRunSpec(),
        Power.ToRunSpec(),
        (Power with { Seed = 1, Model = Power.Model with { InitScale = 2 }, Optimizer = Power.Optimizer with { LearningRate = 3e-3 } }).ToRunSpec(),
    ];

    [Fact]
    public void StackedTransformerRunsMatchTheSameRunsMadeAlone()
    {
        using var alone = new TempFolder();
        using var stacked = new TempFolder();
        using var host = TestPlugins.LoadBuiltIns();
        var single = new RunCoordinator(host, SilentObserver.Instance);
        var aloneResults = Runs.Select(spec => single.Train(spec, alone.Path, force: false, CancellationToken.None)).ToList();

        var result = new RunCoordinator(host, SilentObserver.Instance, new Placement(Stack: true)).Train(Runs, stacked.Path, new RunControl(CancellationToken.None));

        Assert.Empty(result.Packing!.Alone);
        Assert.Equal([Runs[..4].Select(r => r.RunId), Runs[4..].Select(r => r.RunId)], result.Packing!.Stacks.Select(s => s.Runs.Select(r => r.RunId)));
        for (var r = 0; r < Runs.Length; r++) StackedTrainingTests.AssertSameRun(aloneResults[r], alone.Path, result.Results[r], stacked.Path);
        Assert.Equal(RunStatus.Diverged, result.Results[3].Summary.Status);
        Assert.Equal(RunStatus.Censored, result.Results[0].Summary.Status);
    }
}
