using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Contracts;

/// <summary>
/// A named evaluation split beyond train and test (contract 1.4), with inputs and targets shaped like the test
/// split's. The host evaluates it with the test split and records its loss and accuracy under <see cref="Name"/>.
/// </summary>
public sealed record EvaluationSplit(string Name, Tensor Inputs, Tensor Targets) : IDisposable
{
    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
    }
}

/// <summary>
/// The targets of sequence datasets (contract 1.4). Inputs are token ids [N, T], right-padded; targets [N, T] hold
/// the token that should follow each position, or <see cref="Ignored"/> where a position is not scored (the prompt,
/// the padding). The scored positions are the mask: the loss is the cross-entropy over them alone, and accuracy is
/// the exact match of the scored tokens when the model generates them greedily from its own outputs.
/// </summary>
public static class SequenceTargets
{
    /// <summary>The target of a position that is not scored (PyTorch's ignore_index convention).</summary>
    public const long Ignored = -100;

    /// <summary>The positions that are scored, [N, T] bool.</summary>
    public static Tensor Mask(Tensor targets) => targets.ne(Ignored);

    /// <summary>
    /// Inputs and targets [N, <paramref name="length"/>] of prompts each followed by its answer, the task of a model
    /// that reads the prompt and must generate the answer. A sequence is prompt + answer: the inputs are all of it but
    /// its last token, right-padded with <paramref name="padToken"/>; the targets score exactly the answer's tokens,
    /// each at the position before it (the last prompt token predicts the first answer token).
    /// </summary>
    /// <param name="length">Positions per example: at least the longest prompt + answer − 1.</param>
    public static (Tensor Inputs, Tensor Targets) PromptsAndAnswers(IReadOnlyList<(long[] Prompt, long[] Answer)> examples, int length, long padToken = 0)
    {
        var inputs = new long[examples.Count * length];
        var targets = new long[examples.Count * length];
        Array.Fill(inputs, padToken);
        Array.Fill(targets, Ignored);
        for (var i = 0; i < examples.Count; i++)
        {
            var (prompt, answer) = examples[i];
            if (prompt.Length == 0 || answer.Length == 0)
                throw new ArgumentException($"Example {i} has an empty prompt or answer; both need at least one token.");
            if (prompt.Length + answer.Length - 1 > length)
                throw new ArgumentException($"Example {i} needs {prompt.Length + answer.Length - 1} positions, more than the {length} given.");
            var row = i * length;
            prompt.CopyTo(inputs, row);
            answer.AsSpan(0, answer.Length - 1).CopyTo(inputs.AsSpan(row + prompt.Length));
            answer.CopyTo(targets, row + prompt.Length - 1);
        }
        return (torch.tensor(inputs, [examples.Count, length]), torch.tensor(targets, [examples.Count, length]));
    }
}
