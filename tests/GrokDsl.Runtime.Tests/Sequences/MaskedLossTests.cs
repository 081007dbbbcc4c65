using GrokDsl.Contracts;
using GrokDsl.Runtime.Objectives;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Sequences;

/// <summary>The sequence loss is the cross-entropy over the scored positions alone; padding and prompts cannot move it.</summary>
public sealed class MaskedLossTests
{
    const long X = SequenceTargets.Ignored;

    // Two sequences of 4 positions over 5 tokens; scored: (0, 1), (0, 2) and (1, 3).
    static readonly long[] Targets = [X, 2, 4, X, X, X, X, 1];

    static Tensor Logits(int seed)
    {
        using var generator = new Generator((ulong)seed);
        return randn([2, 4, 5], generator: generator);
    }

    [Fact]
    public void TheLossIsTheMeanCrossEntropyOfTheScoredPositions()
    {
        using var logits = Logits(0);
        using var targets = tensor(Targets, [2, 4]);
        using var logProbabilities = logits.log_softmax(-1);
        var expected = -(logProbabilities[0, 1, 2].item<float>() + logProbabilities[0, 2, 4].item<float>() + logProbabilities[1, 3, 1].item<float>()) / 3;

        using var loss = new SequenceObjective(LossFunction.CrossEntropy, false).Loss(logits, targets);

        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void ChangingTheLogitsAndTargetsOfUnscoredPositionsChangesNothing()
    {
        using var logits = Logits(0);
        using var targets = tensor(Targets, [2, 4]);
        using var mask = SequenceTargets.Mask(targets);
        using var loss = SequenceObjective.MaskedLoss(LossFunction.CrossEntropy, logits, targets, mask, inFloat64: false);

        // Other logits and real tokens (not the ignore value) wherever the mask is off: padding and prompt positions.
        using var other = Logits(1).mul_(100);
        using var unscored = mask.logical_not().unsqueeze(-1).expand_as(logits);
        using var changedLogits = where(unscored, other, logits);
        using var noise = tensor(new long[] { 3, 2, 4, 0, 1, 2, 3, 1 }, [2, 4]);
        using var changedTargets = where(mask, targets, noise);
        using var changed = SequenceObjective.MaskedLoss(LossFunction.CrossEntropy, changedLogits, changedTargets, mask, inFloat64: false);

        Assert.Equal(loss.item<float>(), changed.item<float>());
        Assert.NotEqual(logits[1, 0, 0].item<float>(), changedLogits[1, 0, 0].item<float>()); // the change did happen
    }

    [Fact]
    public void UnscoredPositionsGetNoGradient()
    {
        using var logits = Logits(0).requires_grad_();
        using var targets = tensor(Targets, [2, 4]);

        using var loss = new SequenceObjective(LossFunction.CrossEntropy, false).Loss(logits, targets);
        loss.backward();

        using var gradientNorms = logits.grad!.abs().sum(-1);
        var norms = gradientNorms.data<float>().ToArray();
        var scored = Targets.Select(t => t != X).ToArray();
        for (var i = 0; i < norms.Length; i++)
            Assert.True(scored[i] ? norms[i] > 0 : norms[i] == 0, $"position {i}: gradient {norms[i]}");
    }
}
