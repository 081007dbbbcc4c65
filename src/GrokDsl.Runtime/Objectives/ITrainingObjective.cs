using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Objectives;

/// <summary>
/// How a run's outputs are scored: one class per example (<see cref="ClassificationObjective"/>) or the scored
/// positions of token sequences (<see cref="SequenceObjective"/>). The dataset's shape decides which.
/// </summary>
public interface ITrainingObjective
{
    /// <summary>The loss to minimize, a scalar tensor with gradient when <paramref name="logits"/> has one.</summary>
    Tensor Loss(Tensor logits, Tensor targets);

    /// <summary>The fraction of examples answered correctly; <paramref name="logits"/> are the model's on <paramref name="inputs"/>.</summary>
    double Accuracy(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, Tensor logits);
}

public static class TrainingObjective
{
    public static ITrainingObjective For(Training training, DatasetShape shape) => shape.IsSequence
        ? new SequenceObjective(training.Loss, training.LossInFloat64)
        : new ClassificationObjective(training.Loss, training.LossInFloat64);
}
