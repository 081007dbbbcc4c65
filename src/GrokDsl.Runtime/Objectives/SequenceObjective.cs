using GrokDsl.Contracts;
using GrokDsl.Runtime.Optimization;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Objectives;

/// <summary>
/// Logits [N, T, vocabulary] against next-token targets [N, T] (<see cref="SequenceTargets"/>): the experiment's
/// loss over the scored positions only, averaged per token, and the exact-match accuracy of greedy decoding.
/// </summary>
public sealed class SequenceObjective(LossFunction loss, bool lossInFloat64) : ITrainingObjective
{
    public Tensor Loss(Tensor logits, Tensor targets) => MaskedLoss(loss, logits, targets, SequenceTargets.Mask(targets), lossInFloat64);

    public double Accuracy(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, Tensor logits)
    {
        using var matches = GreedyDecoding.ExactMatches(model, inputs, targets);
        return (double)matches.sum().item<long>() / targets.shape[0];
    }

    /// <summary>
    /// The loss over the positions <paramref name="mask"/> selects, each scored position one example: what the other
    /// positions hold (padding, prompt, their logits and targets) cannot change it.
    /// </summary>
    public static Tensor MaskedLoss(LossFunction loss, Tensor logits, Tensor targets, Tensor mask, bool inFloat64)
    {
        using var scope = NewDisposeScope();
        var scored = mask.flatten().nonzero().squeeze(1);
        var scoredLogits = logits.reshape(-1, logits.shape[^1]).index_select(0, scored);
        var scoredTargets = targets.flatten().index_select(0, scored);
        return Losses.Compute(loss, scoredLogits, scoredTargets, inFloat64).MoveToOuterDisposeScope();
    }

    /// <summary>Throws unless every split of a sequence dataset has token inputs and targets of one shape [N, SequenceLength].</summary>
    public static void CheckShapes(DatasetTensors data, string datasetId)
    {
        var splits = new[] { ("train", data.TrainInputs, data.TrainTargets), (data.TestSplitName, data.TestInputs, data.TestTargets) }
            .Concat(data.ExtraSplits.Select(split => (split.Name, split.Inputs, split.Targets)));
        foreach (var (name, inputs, targets) in splits)
        {
            long[] expected = [inputs.shape[0], data.Shape.SequenceLength];
            if (!inputs.shape.SequenceEqual(expected) || !targets.shape.SequenceEqual(expected) || inputs.dtype != ScalarType.Int64 || targets.dtype != ScalarType.Int64)
                throw new ArgumentException(
                    $"Dataset '{datasetId}' is a sequence dataset, but its {name} split has inputs [{string.Join(", ", inputs.shape)}] ({inputs.dtype}) and targets " +
                    $"[{string.Join(", ", targets.shape)}] ({targets.dtype}); both must be int64 [N, {data.Shape.SequenceLength}].");
        }
    }
}
