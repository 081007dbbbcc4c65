using GrokDsl.Contracts;
using GrokDsl.Runtime.Optimization;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Measurement;

/// <summary>A checkpointed model's loss and accuracy on the train and test sets, in eval mode and without gradients.</summary>
static class CheckpointEvaluation
{
    public static (double TrainLoss, double TrainAccuracy, double TestLoss, double TestAccuracy) Evaluate(
        nn.Module<Tensor, Tensor> model, DatasetTensors data, Training training)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        var (trainLoss, trainAccuracy) = LossAndAccuracy(model, data.TrainInputs, data.TrainTargets, training);
        var (testLoss, testAccuracy) = LossAndAccuracy(model, data.TestInputs, data.TestTargets, training);
        return (trainLoss, trainAccuracy, testLoss, testAccuracy);
    }

    static (double Loss, double Accuracy) LossAndAccuracy(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, Training training)
    {
        if (targets.shape[0] == 0) return (double.NaN, double.NaN);
        var logits = model.call(inputs);
        var loss = Losses.Compute(training.Loss, logits, targets, training.LossInFloat64).to_type(ScalarType.Float64).item<double>();
        var accuracy = logits.argmax(1).eq(targets).to_type(ScalarType.Float64).mean().item<double>();
        return (loss, accuracy);
    }
}
