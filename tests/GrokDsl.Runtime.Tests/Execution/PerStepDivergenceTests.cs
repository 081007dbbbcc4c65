using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Loop;
using GrokDsl.Runtime.Planning;

namespace GrokDsl.Runtime.Tests.Execution;

/// <summary>
/// The training loss is checked at every step (on the device, read every few steps): a diverging run is stopped within
/// <see cref="NonFiniteLossWatch.Window"/> steps, naming the exact first step its loss was not finite, not the next
/// evaluation's; alone and stacked alike.
/// </summary>
public sealed class PerStepDivergenceTests
{
    static ModularAddition Diverging(int evaluateEvery, bool stopWhenDiverged = true) => new ModularAddition() with
    {
        Data = new() { Modulus = 23 },
        Optimizer = new() { LearningRate = 1e12, WeightDecay = 1.0 },
        Training = new() { EvaluateEvery = evaluateEvery },
        Stopping = new() { MaxSteps = 200, StopAfterGrokking = false, StopWhenDiverged = stopWhenDiverged },
    };

    // The same trajectory evaluated at every step, not stopped: its first non-finite training loss is the truth.
    static MetricRecord FirstNonFiniteLoss(string runs)
    {
        var spec = (Diverging(evaluateEvery: 1, stopWhenDiverged: false) with { Stopping = new() { MaxSteps = 60, StopAfterGrokking = false, StopWhenDiverged = false } }).ToRunSpec();
        using var host = TestPlugins.LoadBuiltIns();
        var result = new RunCoordinator(host, SilentObserver.Instance).Train(spec, runs, false, CancellationToken.None);
        return result.Directory.ReadMetrics(out _).First(r => !double.IsFinite(r.TrainLoss));
    }

    [Fact]
    public void ADivergingRunAlone_IsStoppedWithinAWindow_NamingTheExactFirstStep_NotTheEvaluations()
    {
        using var runs = new TempFolder();
        var truth = FirstNonFiniteLoss(runs.Path);
        using var host = TestPlugins.LoadBuiltIns();

        var summary = new RunCoordinator(host, SilentObserver.Instance).Train(Diverging(evaluateEvery: 100).ToRunSpec(), runs.Path, false, CancellationToken.None).Summary;

        Assert.Equal(RunStatus.Diverged, summary.Status);
        Assert.Equal(DivergenceCheck.NonFiniteTrainLoss(truth.Step, truth.TrainLoss), summary.Divergence);
        Assert.Matches(@"^train loss became (NaN|Infinity|-Infinity) at step \d+$", summary.Divergence);
        Assert.InRange(summary.FinalStep, truth.Step, truth.Step + NonFiniteLossWatch.Window - 1);
        Assert.True(summary.FinalStep < 100, $"stopped at {summary.FinalStep}, the evaluation's step");
    }

    [Fact]
    public void ARunResumedBetweenItsFirstNonFiniteLossAndTheWindowsEnd_NamesTheSameStep_AndStopsWhereItWouldHave()
    {
        using var runs = new TempFolder();
        var truth = FirstNonFiniteLoss(runs.Path);
        using var host = TestPlugins.LoadBuiltIns();
        var everyStep = Diverging(evaluateEvery: 100) with { Training = new() { EvaluateEvery = 100, CheckpointEvery = 1, KeepCheckpoints = 1000 } };
        var whole = new RunCoordinator(host, SilentObserver.Instance).Train(everyStep.ToRunSpec(), runs.Path, false, CancellationToken.None);
        Assert.True(whole.Summary.FinalStep > truth.Step + 1, $"the run stopped at {whole.Summary.FinalStep}, too soon after step {truth.Step} for this test");

        // As if it had been killed at the top of the step after the first non-finite loss: that checkpoint is the newest.
        File.Delete(whole.Directory.SummaryPath);
        var store = new CheckpointStore(whole.Directory.Path);
        store.RemoveAfter(truth.Step + 1);
        var resumed = new RunCoordinator(host, SilentObserver.Instance).Train(everyStep.ToRunSpec(), runs.Path, false, CancellationToken.None);

        Assert.Equal(truth.Step + 1, resumed.ResumedFromStep);
        Assert.Equal((whole.Summary.Status, whole.Summary.FinalStep, whole.Summary.Divergence), (resumed.Summary.Status, resumed.Summary.FinalStep, resumed.Summary.Divergence));
    }

    [Fact]
    public void ADivergingRunInAStack_IsStoppedAtTheStepItStopsAlone_NamingTheSameFirstStep()
    {
        using var alone = new TempFolder();
        using var stacked = new TempFolder();
        using var host = TestPlugins.LoadBuiltIns();
        var diverging = Diverging(evaluateEvery: 100).ToRunSpec();
        var healthy = (Diverging(evaluateEvery: 100) with { Optimizer = new() { LearningRate = 1e-3, WeightDecay = 1.0 } }).ToRunSpec();
        var lone = new RunCoordinator(host, SilentObserver.Instance).Train(diverging, alone.Path, false, CancellationToken.None).Summary;

        var result = new RunCoordinator(host, SilentObserver.Instance, new Placement(Stack: true)).Train([healthy, diverging], stacked.Path, RunControl.None);

        Assert.Single(result.Packing!.Stacks);
        var inStack = result.Results[1].Summary;
        Assert.Equal((RunStatus.Diverged, lone.FinalStep, lone.Divergence), (inStack.Status, inStack.FinalStep, inStack.Divergence));
        Assert.StartsWith("train loss became", inStack.Divergence);
        Assert.NotEqual(RunStatus.Diverged, result.Results[0].Summary.Status);
    }
}
