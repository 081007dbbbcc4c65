using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// Rows of one split of a dataset as token arrays, for the measures that read sequences one by one. The padding of a
/// sequence dataset is found from its targets (<see cref="SequenceTargets"/>): the last input token predicts the last
/// answer token, so a row's tokens end at its last scored position, and its prompt's last token is its first scored one.
/// </summary>
static class SequenceSample
{
    /// <summary>The inputs and targets of the split named <paramref name="name"/>: "train", "test" (or its own name), or an extra split.</summary>
    public static (Tensor Inputs, Tensor Targets) Split(DatasetTensors data, string name)
    {
        if (name == "train") return (data.TrainInputs, data.TrainTargets);
        if (name == "test" || name == data.TestSplitName) return (data.TestInputs, data.TestTargets);
        return data.ExtraSplits.FirstOrDefault(s => s.Name == name) is { } split
            ? (split.Inputs, split.Targets)
            : throw new ArgumentException(
                $"The dataset has no split '{name}'; it has: train, test{string.Concat(data.ExtraSplits.Select(s => ", " + s.Name))}.");
    }

    /// <summary>
    /// How many leading tokens of each of the first <paramref name="count"/> rows (all with 0) are the sequence rather
    /// than padding: up to the last scored position for a sequence dataset, the whole row otherwise.
    /// </summary>
    public static long[] Lengths(Tensor targets, bool isSequence, long width, int count)
    {
        var rows = Rows(targets, count);
        return [.. rows.Select(row => isSequence ? Array.FindLastIndex(row, t => t != SequenceTargets.Ignored) + 1 : width)];
    }

    /// <summary>
    /// The sentences of the first rows of a sequence split, <paramref name="count"/> of those with at least
    /// <paramref name="minimumLength"/> tokens: each row's prompt without its last token (the separator, such as Dyck's
    /// "=", that asks for the answer), which is everything before the first scored position.
    /// </summary>
    public static IReadOnlyList<long[]> Sentences(Tensor inputs, Tensor targets, int count, int minimumLength)
    {
        var tokens = Rows(inputs, 0);
        var scored = Rows(targets, 0);
        return [.. tokens.Zip(scored, (row, target) => row[..Math.Max(0, Array.FindIndex(target, t => t != SequenceTargets.Ignored))])
            .Where(sentence => sentence.Length >= minimumLength)
            .Take(count)];
    }

    // The first count rows (all with 0) of a [N, T] int64 tensor, copied to the CPU.
    static long[][] Rows(Tensor tensor, int count)
    {
        using var scope = NewDisposeScope();
        var n = count == 0 ? tensor.shape[0] : Math.Min(count, tensor.shape[0]);
        var width = tensor.shape[1];
        var values = tensor.narrow(0, 0, n).cpu().contiguous().data<long>().ToArray();
        return [.. Enumerable.Range(0, (int)n).Select(i => values.AsSpan(i * (int)width, (int)width).ToArray())];
    }
}
