using GrokDsl.Experiments;
using GrokDsl.Runs;

namespace GrokDsl.Presets.Tests;

/// <summary>Progress measures taken during training observe the run; they do not change it.</summary>
public sealed class MeasuresDuringTrainingTests
{
    /// <summary>
    /// Neuron pruning silences neurons in place and restores them between the step's forward pass and its backward
    /// pass; before the engine went forward again after lending out the model, autograd refused the step.
    /// </summary>
    [Fact]
    public void PruningNeuronsInPlaceDuringTraining_LeavesTheTrajectoryAsItIsWithoutTheMeasure()
    {
        using var runner = new PresetRunner();
        var plain = Doshi2024.Smoke with { Measures = [] };

        var measured = runner.Train(plain with { Measures = [new NeuronPruning { Fraction = 0.5 }] });
        var unmeasured = runner.Train(plain);

        Assert.Equal(RunStatus.Censored, measured.Summary.Status);
        var pruned = measured.Directory.ReadMetrics().Records.Where(r => r.Measures is not null).ToList();
        Assert.NotEmpty(pruned);
        Assert.All(pruned, r => Assert.True(r.Measures!["neuron-pruning.pruned"] > 0));
        Assert.Equal(
            unmeasured.Directory.ReadMetrics().Records.Select(r => (r.Step, r.TrainLoss, r.TestLoss)),
            measured.Directory.ReadMetrics().Records.Select(r => (r.Step, r.TrainLoss, r.TestLoss)));
    }
}
