using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.ModularArithmetic;

/// <summary>The three ways a pair (a, b) reaches a model.</summary>
static class PairEncoding
{
    public static readonly string[] Names = ["tokens", "tokens-with-equals", "one-hot"];

    public static void Validate(string encoding)
    {
        if (!Names.Contains(encoding))
            throw new ArgumentException($"Unknown encoding '{encoding}'; known: {string.Join(", ", Names)}.");
    }

    /// <summary>Inputs for the flattened pairs [a0, b0, a1, b1, …] and the dataset shape they make.</summary>
    public static Tensor Encode(long[] pairs, int p, string encoding, out DatasetShape shape)
    {
        var n = pairs.Length / 2;
        switch (encoding)
        {
            case "tokens":
                shape = DatasetShape.Tokens(sequenceLength: 2, vocabularySize: p, classCount: p);
                return tensor(pairs, [n, 2]);
            case "tokens-with-equals":
            {
                // "=" is the extra token p, as in Nanda et al.'s [a, b, =] with d_vocab = p + 1.
                var tokens = new long[3 * n];
                for (var i = 0; i < n; i++)
                    (tokens[3 * i], tokens[3 * i + 1], tokens[3 * i + 2]) = (pairs[2 * i], pairs[2 * i + 1], p);
                shape = DatasetShape.Tokens(sequenceLength: 3, vocabularySize: p + 1, classCount: p);
                return tensor(tokens, [n, 3]);
            }
            case "one-hot":
            {
                var features = new float[2 * p * n];
                for (var i = 0; i < n; i++)
                {
                    features[2 * p * i + pairs[2 * i]] = 1;
                    features[2 * p * i + p + pairs[2 * i + 1]] = 1;
                }
                shape = new DatasetShape(SequenceLength: 0, VocabularySize: 0, FeatureCount: 2 * p, ClassCount: p);
                return tensor(features, [n, 2 * p]);
            }
            default:
                throw new ArgumentException($"Unknown encoding '{encoding}'; known: {string.Join(", ", Names)}.");
        }
    }
}
