using GrokDsl.Contracts;
using GrokDsl.Runtime.Objectives;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Sequences;

/// <summary>Greedy decoding against a model whose every answer is known by hand: the successor of the token it reads.</summary>
public sealed class GreedyDecodingTests
{
    const int Vocabulary = 6;
    const long X = SequenceTargets.Ignored;

    /// <summary>Predicts (token + 1) mod 6 at every position, and remembers the shape of each input it saw.</summary>
    sealed class Successor() : nn.Module<Tensor, Tensor>("successor")
    {
        public List<(long Sequences, long Length)> Inputs { get; } = [];

        public override Tensor forward(Tensor tokens)
        {
            Inputs.Add((tokens.shape[0], tokens.shape[1]));
            using var next = tokens.add(1).remainder_(Vocabulary);
            using var oneHot = nn.functional.one_hot(next, Vocabulary);
            return oneHot.to_type(ScalarType.Float32);
        }
    }

    // Four right-padded rows; "prompt | answer" with the model's greedy answers worked out by hand:
    //   0: 1 2 | 3 4      reads 2 → 3 ✓, then its own 3 → 4 ✓                      matched
    //   1: 2 4 | 0 1      reads 4 → 5 ✗ (0 wanted), then its own 5 → 0 ✗ (1 wanted)  not matched
    //   2: 1 3 4 | 5 0    reads 4 → 5 ✓, then its own 5 → 0 ✓ (a longer prompt)       matched
    //   3: 2 5 | 0 2      reads 5 → 0 ✓, then its own 0 → 1 ✗ (2 wanted)             not matched
    // Row 3's given second input is 1, from which teacher forcing would predict the wanted 2: only a decoder that
    // reads its own answers gets row 3 wrong.
    static readonly long[] Inputs =
    [
        1, 2, 3, 0,
        2, 4, 0, 0,
        1, 3, 4, 5,
        2, 5, 1, 0,
    ];

    static readonly long[] Targets =
    [
        X, 3, 4, X,
        X, 0, 1, X,
        X, X, 5, 0,
        X, 0, 2, X,
    ];

    [Fact]
    public void EachSequenceMatchesOnlyWhenEveryGeneratedTokenIsRight()
    {
        using var model = new Successor();
        using var inputs = tensor(Inputs, [4, 4]);
        using var targets = tensor(Targets, [4, 4]);

        using var matches = GreedyDecoding.ExactMatches(model, inputs, targets);

        Assert.Equal([true, false, true, false], matches.data<bool>().ToArray());
        Assert.Equal(0.5, new SequenceObjective(LossFunction.CrossEntropy, false).Accuracy(model, inputs, targets, logits: model.forward(inputs)));
    }

    [Fact]
    public void DecodingIsOneForwardPassPerScoredPositionOverTheGeneratedPrefixesOfTheSequencesStillAnswering()
    {
        using var model = new Successor();
        using var inputs = tensor(Inputs, [4, 4]);
        using var targets = tensor(Targets, [4, 4]);

        using var _ = GreedyDecoding.ExactMatches(model, inputs, targets);

        // Positions 1 to 3 are scored in some row: prefixes of 2, 3 and 4 tokens. At 1, rows 0, 1 and 3 answer; at 2,
        // rows 0, 2 and 3 (row 1 is already wrong); at 3, row 2 alone.
        Assert.Equal([(3L, 2L), (3, 3), (1, 4)], model.Inputs);
    }

    [Fact]
    public void DecodingRunsWithoutGradientsAndRestoresTheTrainingMode()
    {
        using var model = new Successor();
        model.train();
        using var inputs = tensor(Inputs, [4, 4]);
        using var targets = tensor(Targets, [4, 4]);

        using var matches = GreedyDecoding.ExactMatches(model, inputs, targets);

        Assert.False(matches.requires_grad);
        Assert.True(model.training);
    }
}
