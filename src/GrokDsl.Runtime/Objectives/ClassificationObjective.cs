using GrokDsl.Runtime.Optimization;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Objectives;

/// <summary>Logits [N, classes] against class indices [N]: the experiment's loss, and argmax accuracy.</summary>
public sealed class ClassificationObjective(LossFunction loss, bool lossInFloat64) : ITrainingObjective
{
    public Tensor Loss(Tensor logits, Tensor targets) => Losses.Compute(loss, logits, targets, lossInFloat64);

    // Exact counts: an integer number of correct answers over an integer total, so 100% is exactly 1.
    public double Accuracy(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, Tensor logits) =>
        (double)logits.argmax(1).eq(targets).sum().item<long>() / targets.shape[0];
}
