using GrokDsl.Contracts;
using GrokDsl.Runtime.Objectives;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Measurement;

/// <summary>
/// A checkpointed model's loss and accuracy on the train and test sets, in eval mode and without gradients, scored by
/// the objective training used (<see cref="TrainingObjective"/>): classes, or the scored positions of sequences.
/// </summary>
static class CheckpointEvaluation
{
    public static (double TrainLoss, double TrainAccuracy, double TestLoss, double TestAccuracy) Evaluate(
        nn.Module<Tensor, Tensor> model, DatasetTensors data, Training training)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        var objective = TrainingObjective.For(training, data.Shape);
        var (trainLoss, trainAccuracy) = LossAndAccuracy(model, data.TrainInputs, data.TrainTargets, objective);
        var (testLoss, testAccuracy) = LossAndAccuracy(model, data.TestInputs, data.TestTargets, objective);
        return (trainLoss, trainAccuracy, testLoss, testAccuracy);
    }

    static (double Loss, double Accuracy) LossAndAccuracy(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, ITrainingObjective objective)
    {
        if (targets.shape[0] == 0) return (double.NaN, double.NaN);
        var logits = model.call(inputs);
        return (objective.Loss(logits, targets).to_type(ScalarType.Float64).item<double>(), objective.Accuracy(model, inputs, targets, logits));
    }
}
