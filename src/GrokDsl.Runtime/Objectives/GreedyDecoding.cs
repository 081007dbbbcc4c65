using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Objectives;

/// <summary>
/// Greedy autoregressive decoding of the scored positions of token sequences (<see cref="SequenceTargets"/>), all
/// sequences of a batch at once. Position by position, the model reads its own earlier answers: where position t
/// is scored, its argmax becomes the input at t + 1 in place of the given token. Unscored positions (the prompt)
/// keep their given tokens, so prompts of different lengths decode together.
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
            var scored = SequenceTargets.Mask(targets);
            var matched = ones([targets.shape[0]], ScalarType.Bool, device: targets.device);
            var anyScored = scored.any(0).cpu().data<bool>().ToArray();
            var first = Array.IndexOf(anyScored, true);
            if (first < 0) return matched.MoveToOuterDisposeScope();
            var last = Array.LastIndexOf(anyScored, true);
            var length = inputs.shape[1];
            var generated = inputs.clone();
            for (var t = first; t <= last; t++)
            {
                using var position = NewDisposeScope();
                // Causal attention: the logits at t depend on positions up to t only, so the prefix is enough.
                var logits = model.forward(generated.narrow(1, 0, t + 1));
                var predicted = logits.select(1, t).argmax(-1);
                var scoredHere = scored.select(1, t);
                matched.logical_and_(predicted.eq(targets.select(1, t)).logical_or_(scoredHere.logical_not()));
                if (t + 1 < length)
                {
                    var next = generated.select(1, t + 1);
                    next.copy_(where(scoredHere, predicted, next));
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
