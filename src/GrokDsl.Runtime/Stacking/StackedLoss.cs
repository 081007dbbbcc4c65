using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking;

/// <summary>Per-run cross-entropy and accuracy from stacked logits [R, N, C] and targets [R, N].</summary>
static class StackedLoss
{
    /// <summary>Each run's mean cross-entropy, [R]: what that run's loss would be alone.</summary>
    public static Tensor PerRun(Tensor logits, Tensor targets, bool inFloat64)
    {
        using var scope = NewDisposeScope();
        var (runs, count, classes) = (logits.shape[0], logits.shape[1], logits.shape[2]);
        var flat = logits.reshape(runs * count, classes);
        if (inFloat64) flat = flat.to_type(ScalarType.Float64);
        var losses = nn.functional.cross_entropy(flat, targets.reshape(runs * count), reduction: nn.Reduction.None);
        return losses.view(runs, count).mean([1]).MoveToOuterDisposeScope();
    }

    /// <summary>Each run's count of correct answers, [R] int64.</summary>
    public static Tensor Correct(Tensor logits, Tensor targets)
    {
        using var predictions = logits.argmax(2);
        using var hits = predictions.eq(targets);
        return hits.sum([1]);
    }
}
