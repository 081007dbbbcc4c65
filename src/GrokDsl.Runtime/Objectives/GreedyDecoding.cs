using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Objectives;

/// <summary>
/// Greedy autoregressive decoding of the scored positions of token sequences (<see cref="SequenceTargets"/>), a batch
/// at a time. Position by position, the model reads its own earlier answers: where position t is scored, its argmax
/// becomes the input at t + 1 in place of the given token. Unscored positions (the prompt) keep their given tokens, so
/// prompts of different lengths decode together.
/// </summary>
public static class GreedyDecoding
{
    /// <summary>
    /// Per sequence (bool, [N]): whether every scored token comes out right when the model generates them all. Runs
    /// under no_grad and in eval mode; the model's mode is restored. A sequence without scored positions counts as matched.
    /// </summary>
    public static Tensor ExactMatches(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets)
    {
        using var noGrad = no_grad();
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            var (count, length) = (targets.shape[0], targets.shape[1]);
            var scored = SequenceTargets.Mask(targets);
            var positions = arange(length, device: targets.device).unsqueeze(0).expand(count, length);
            var firstScored = positions.masked_fill(scored.logical_not(), length).min(1).values;
            var lastScored = positions.masked_fill(scored.logical_not(), -1).max(1).values;
            var matched = ones([count], ScalarType.Bool, device: targets.device);
            var generated = inputs.clone();
            var (first, last) = (firstScored.min().item<long>(), lastScored.max().item<long>());
            for (var t = first; t <= last; t++)
            {
                using var position = NewDisposeScope();
                // Only the sequences that answer at t and are still right: the others' outcome is settled.
                var rows = matched.logical_and(firstScored.le(t)).logical_and_(lastScored.ge(t)).nonzero().squeeze(1);
                if (rows.numel() == 0) continue;
                // Causal attention: the logits at t depend on positions up to t only, so the prefix is enough.
                var logits = model.forward(generated.index_select(0, rows).narrow(1, 0, t + 1));
                var predicted = logits.select(1, t).argmax(-1);
                var scoredHere = scored.index_select(0, rows).select(1, t);
                var wrong = scoredHere.logical_and(predicted.ne(targets.index_select(0, rows).select(1, t)));
                matched.index_fill_(0, rows.masked_select(wrong), false);
                if (t + 1 < length)
                {
                    var next = generated.select(1, t + 1);
                    next.index_copy_(0, rows, where(scoredHere, predicted, next.index_select(0, rows)));
                }
            }
            return matched.MoveToOuterDisposeScope();
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }
}
