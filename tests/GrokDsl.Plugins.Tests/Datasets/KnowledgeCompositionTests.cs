using GrokDsl.Contracts;
using GrokDsl.Plugins.Sequences;

namespace GrokDsl.PluginTests.Datasets;

/// <summary>knowledge-composition: inferred facts compose atomic ones, test facts are never trained on, OOD heads only through atomic facts.</summary>
public sealed class KnowledgeCompositionTests
{
    static readonly KnowledgeComposition Small = new()
    {
        Entities = 40, Relations = 6, RelationsPerEntity = 3, OutOfDistributionFraction = 0.1, InferredRatio = 2, TestSamples = 50,
    };

    const int FirstOutToken = 1 + 36; // entities 36-39 are out of distribution

    static DatasetTensors Create(KnowledgeComposition options, int seed = 0) =>
        new KnowledgeCompositionProvider().Create(ComponentOptions.From(options), seed);

    // (prompt, answer) per row: the tokens before the scored position, and the scored token.
    static List<(string Prompt, long Answer, long Head)> Facts(TorchSharp.torch.Tensor inputs, TorchSharp.torch.Tensor targets) =>
    [
        .. Rows.Tokens(inputs).Zip(Rows.Tokens(targets), (input, target) =>
        {
            var at = Array.FindIndex(target, t => t != SequenceTargets.Ignored);
            return (Rows.Key(input[..(at + 1)]), target[at], input[0]);
        }),
    ];

    [Fact]
    public void SplitsHaveTheSizesTheOptionsGiveAndNameInAndOutOfDistribution()
    {
        using var data = Create(Small);

        // 40 · 3 atomic facts, and φ · 36 · 3 = 216 of the 36 · 9 = 324 in-distribution inferred facts beside 50 for testing.
        Assert.Equal([120L + 216, 3], data.TrainInputs.shape);
        Assert.Equal([50L, 3], data.TestInputs.shape);
        Assert.Equal(KnowledgeCompositionProvider.InDistribution, data.TestSplitName);
        var ood = Assert.Single(data.ExtraSplits);
        Assert.Equal(KnowledgeCompositionProvider.OutOfDistribution, ood.Name);
        Assert.Equal([4L * 9, 3], ood.Inputs.shape);
        Assert.Equal(DatasetShape.Sequences(3, 1 + 40 + 6), data.Shape);
    }

    [Fact]
    public void TestFactsAreNeverTrainedOnAndOutOfDistributionHeadsAreTrainedOnlyThroughTheirAtomicFacts()
    {
        using var data = Create(Small);
        var train = Facts(data.TrainInputs, data.TrainTargets);
        var test = Facts(data.TestInputs, data.TestTargets);
        var ood = Facts(data.ExtraSplits[0].Inputs, data.ExtraSplits[0].Targets);
        var trainPrompts = train.Select(f => f.Prompt).ToHashSet();

        Assert.Equal(train.Count, trainPrompts.Count);
        Assert.DoesNotContain(test.Select(f => f.Prompt), trainPrompts.Contains);
        Assert.DoesNotContain(ood.Select(f => f.Prompt), trainPrompts.Contains);
        Assert.All(test, f => Assert.True(f.Head < FirstOutToken));
        Assert.All(ood, f => Assert.True(f.Head >= FirstOutToken));
        Assert.Contains(train, f => f.Head >= FirstOutToken); // their atomic facts
        Assert.DoesNotContain(train, f => f.Head >= FirstOutToken && f.Prompt.Count(c => c == ',') == 2);
    }

    [Fact]
    public void EveryInferredFactComposesTwoAtomicFacts()
    {
        using var data = Create(Small);
        var train = Facts(data.TrainInputs, data.TrainTargets);
        var atomic = train.Where(f => f.Prompt.Count(c => c == ',') == 1).ToDictionary(f => f.Prompt, f => f.Answer);
        var inferred = train.Where(f => f.Prompt.Count(c => c == ',') == 2)
            .Concat(Facts(data.TestInputs, data.TestTargets))
            .Concat(Facts(data.ExtraSplits[0].Inputs, data.ExtraSplits[0].Targets));

        Assert.Equal(40 * 3, atomic.Count);
        Assert.All(inferred, f =>
        {
            var tokens = f.Prompt.Split(',');
            var bridge = atomic[$"{tokens[0]},{tokens[1]}"];
            Assert.Equal(atomic[$"{bridge},{tokens[2]}"], f.Answer);
        });
    }

    [Fact]
    public void TheDataDependsOnTheSeedOnly()
    {
        using var first = Create(Small, seed: 3);
        using var again = Create(Small, seed: 3);
        using var other = Create(Small, seed: 4);

        Assert.Equal(Rows.Tokens(first.TrainTargets).Select(Rows.Key), Rows.Tokens(again.TrainTargets).Select(Rows.Key));
        Assert.NotEqual(Rows.Tokens(first.TrainTargets).Select(Rows.Key), Rows.Tokens(other.TrainTargets).Select(Rows.Key));
    }
}
