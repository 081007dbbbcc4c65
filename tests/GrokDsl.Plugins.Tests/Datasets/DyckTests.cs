using GrokDsl.Contracts;
using GrokDsl.Plugins.Sequences;

namespace GrokDsl.PluginTests.Datasets;

/// <summary>dyck: answers complete their prompts, generalization prompts nest deeper than any training prompt, splits are disjoint.</summary>
public sealed class DyckTests
{
    const long Query = 1, End = 2, FirstBracket = 3;

    static readonly Dyck Small = new()
    {
        BracketTypes = 3, TrainDepth = 3, MaxDepth = 6, MinLength = 2, MaxLength = 12,
        TrainSamples = 400, InDistributionSamples = 100, GeneralizationSamples = 100,
    };

    static DatasetTensors Create(Dyck options, int seed = 0) => new DyckProvider().Create(ComponentOptions.From(options), seed);

    // The prompt of each row: the brackets before "=", as bracket ids (0 … k − 1 opening, k … 2k − 1 closing).
    static List<long[]> Prompts(TorchSharp.torch.Tensor inputs) =>
        [.. Rows.Tokens(inputs).Select(row => row.TakeWhile(token => token != Query).Select(token => token - FirstBracket).ToArray())];

    static int MaxDepth(long[] brackets, int k)
    {
        var (depth, deepest) = (0, 0);
        foreach (var bracket in brackets)
        {
            depth += bracket < k ? 1 : -1;
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    [Fact]
    public void TheShapeIsASequenceShapeOverPaddingQueryEndAndBrackets()
    {
        using var data = Create(Small);

        Assert.True(data.Shape.IsSequence);
        Assert.Equal(3 + 2 * 3, data.Shape.VocabularySize);
        Assert.Equal(data.Shape.VocabularySize, data.Shape.ClassCount);
        Assert.Equal(12 + 6 + 1, data.Shape.SequenceLength);
        Assert.Equal(DyckProvider.Generalization, data.TestSplitName);
        var extra = Assert.Single(data.ExtraSplits);
        Assert.Equal(DyckProvider.InDistribution, extra.Name);
        Assert.Equal([400L, 19], data.TrainInputs.shape);
        Assert.Equal([400L, 19], data.TrainTargets.shape);
        Assert.Equal([100L, 19], data.TestInputs.shape);
        Assert.Equal([100L, 19], extra.Inputs.shape);
    }

    [Fact]
    public void GeneralizationPromptsNestDeeperThanEveryTrainingPromptSoTheSplitsAreDisjoint()
    {
        using var data = Create(Small);
        var train = Prompts(data.TrainInputs);
        var inDistribution = Prompts(data.ExtraSplits[0].Inputs);
        var generalization = Prompts(data.TestInputs);

        Assert.All(train.Concat(inDistribution), p => Assert.InRange(MaxDepth(p, 3), 1, Small.TrainDepth));
        Assert.All(generalization, p => Assert.InRange(MaxDepth(p, 3), Small.TrainDepth + 1, Small.MaxDepth));
        var trainKeys = train.Select(Rows.Key).ToHashSet();
        Assert.Equal(train.Count, trainKeys.Count);
        Assert.DoesNotContain(inDistribution.Select(Rows.Key), trainKeys.Contains);
        Assert.DoesNotContain(generalization.Select(Rows.Key), trainKeys.Contains);
        Assert.Equal(generalization.Count, generalization.Select(Rows.Key).Distinct().Count());
    }

    [Fact]
    public void TheScoredTargetsAreTheClosingBracketsInnermostFirstThenTheEnd()
    {
        using var data = Create(Small);
        var inputs = Rows.Tokens(data.TestInputs);
        var targets = Rows.Tokens(data.TestTargets);

        for (var i = 0; i < inputs.Length; i++)
        {
            var prompt = inputs[i].TakeWhile(token => token != Query).ToList();
            var open = new Stack<long>();
            foreach (var token in prompt)
            {
                if (token < FirstBracket + 3) open.Push(token);
                else Assert.Equal(open.Pop() + 3, token); // a closing bracket closes the innermost open one
            }
            long[] expected = [.. open.Select(token => token + 3), End];
            var scored = targets[i].Where(target => target != SequenceTargets.Ignored).ToArray();
            Assert.Equal(expected, scored);
            // The first answer token is predicted at "=", and nothing before it is scored.
            Assert.All(targets[i][..prompt.Count], target => Assert.Equal(SequenceTargets.Ignored, target));
            Assert.Equal(expected[0], targets[i][prompt.Count]);
        }
    }

    [Fact]
    public void TheDataDependsOnTheSeedOnly()
    {
        using var first = Create(Small, seed: 4);
        using var again = Create(Small, seed: 4);
        using var other = Create(Small, seed: 5);

        Assert.Equal(Rows.Tokens(first.TrainInputs).Select(Rows.Key), Rows.Tokens(again.TrainInputs).Select(Rows.Key));
        Assert.Equal(Rows.Tokens(first.TestTargets).Select(Rows.Key), Rows.Tokens(again.TestTargets).Select(Rows.Key));
        Assert.NotEqual(Rows.Tokens(first.TrainInputs).Select(Rows.Key), Rows.Tokens(other.TrainInputs).Select(Rows.Key));
    }

    [Fact]
    public void OptionsThatLeaveTooFewPromptsAreRefusedWithTheCounts()
    {
        // Prompts of 1-2 brackets nesting at most 1 deep: "(" of 2 kinds and ")(" cannot be, so only 2 exist.
        var e = Assert.Throws<ArgumentException>(() => Create(Small with { BracketTypes = 2, TrainDepth = 1, MinLength = 1, MaxLength = 2, TrainSamples = 5 }));
        Assert.Contains("distinct prompts", e.Message);
    }

    [Fact]
    public void PromptsAndAnswersScoreExactlyTheAnswerTokens()
    {
        var (inputs, targets) = SequenceTargets.PromptsAndAnswers([([5L, 1], [7L, 2]), ([4L, 4, 1], [6L])], length: 4, padToken: 0);
        using var _ = inputs;
        using var __ = targets;

        // prompt + answer = 5 1 7 2: inputs drop the last token, each target is the next token where it is part of the answer.
        Assert.Equal(["5,1,7,0", "4,4,1,0"], Rows.Tokens(inputs).Select(Rows.Key));
        Assert.Equal(["-100,7,2,-100", "-100,-100,6,-100"], Rows.Tokens(targets).Select(Rows.Key));
    }
}
