using GrokDsl.Contracts;

namespace GrokDsl.Plugins.Sequences;

/// <summary>
/// Dataset "knowledge-composition" (<see cref="KnowledgeComposition"/>). The graph: entities 0 … E − 1, the last
/// round(fraction · E) out of distribution; each entity gets RelationsPerEntity distinct relations, each leading to an
/// entity of its own part. Inferred facts of in-distribution heads are shuffled: the first TestSamples are the test
/// split, the next round(φ · atomic facts of in-distribution heads) join training. Out-of-distribution heads' inferred
/// facts are only evaluated. Every (h, r1, r2) occurs once, so no test fact is a training fact.
/// </summary>
public sealed class KnowledgeCompositionProvider : IDatasetProvider, IValidatesOptions
{
    public string Id => "knowledge-composition";

    public void Validate(ComponentOptions options)
    {
        var o = options.Bind<KnowledgeComposition>();
        Validate(o, OutOfDistributionCount(o));
    }

    public const string InDistribution = "in-distribution";
    public const string OutOfDistribution = "out-of-distribution";

    const long Padding = 0;

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<KnowledgeComposition>();
        var outOfDistribution = OutOfDistributionCount(o);
        Validate(o, outOfDistribution);
        var random = new SplitMix64(DerivedSeed.Of(o.DataSeed ?? seed, "knowledge-composition"));
        var firstOut = o.Entities - outOfDistribution;
        var facts = Graph(o, firstOut, random);

        var atomic = facts.SelectMany((relations, head) => relations.Select(fact => Atomic(o, head, fact.Relation, fact.Tail))).ToList();
        var inferredIn = Shuffled(Inferred(o, facts, 0, firstOut), random);
        var inferredOut = Inferred(o, facts, firstOut, o.Entities);
        var atomicIn = firstOut * o.RelationsPerEntity;
        var trainInferred = Math.Min((int)Math.Round(o.InferredRatio * atomicIn), inferredIn.Count - o.TestSamples);

        var length = 3;
        var (trainInputs, trainTargets) = SequenceTargets.PromptsAndAnswers([.. atomic, .. inferredIn.Skip(o.TestSamples).Take(trainInferred)], length, Padding);
        var (testInputs, testTargets) = SequenceTargets.PromptsAndAnswers([.. inferredIn.Take(o.TestSamples)], length, Padding);
        var (oodInputs, oodTargets) = SequenceTargets.PromptsAndAnswers(inferredOut, length, Padding);
        return new DatasetTensors(DatasetShape.Sequences(length, 1 + o.Entities + o.Relations), trainInputs, trainTargets, testInputs, testTargets)
        {
            TestSplitName = InDistribution,
            ExtraSplits = [new EvaluationSplit(OutOfDistribution, oodInputs, oodTargets)],
        };
    }

    static int OutOfDistributionCount(KnowledgeComposition o) => (int)Math.Round(o.OutOfDistributionFraction * o.Entities);

    // Per head, its relations and where they lead; tails stay in the head's part ([0, firstOut) or [firstOut, E)).
    static List<(int Relation, int Tail)>[] Graph(KnowledgeComposition o, int firstOut, SplitMix64 random) =>
    [
        .. Enumerable.Range(0, o.Entities).Select(head =>
        {
            var (from, to) = head < firstOut ? (0, firstOut) : (firstOut, o.Entities);
            return Shuffled(Enumerable.Range(0, o.Relations).ToList(), random)
                .Take(o.RelationsPerEntity)
                .Select(relation => (relation, random.Between(from, to - 1)))
                .ToList();
        }),
    ];

    static List<(long[] Prompt, long[] Answer)> Inferred(KnowledgeComposition o, List<(int Relation, int Tail)>[] facts, int fromHead, int toHead) =>
    [
        .. Enumerable.Range(fromHead, toHead - fromHead).SelectMany(head =>
            facts[head].SelectMany(first => facts[first.Tail].Select(second => (
                Prompt: new[] { EntityToken(head), RelationToken(o, first.Relation), RelationToken(o, second.Relation) },
                Answer: new[] { EntityToken(second.Tail) })))),
    ];

    static (long[] Prompt, long[] Answer) Atomic(KnowledgeComposition o, int head, int relation, int tail) =>
        ([EntityToken(head), RelationToken(o, relation)], [EntityToken(tail)]);

    static long EntityToken(int entity) => 1 + entity;

    static long RelationToken(KnowledgeComposition o, int relation) => 1 + o.Entities + relation;

    // Fisher-Yates with the dataset's own generator.
    static List<T> Shuffled<T>(List<T> items, SplitMix64 random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Below(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }

    static void Validate(KnowledgeComposition o, int outOfDistribution)
    {
        if (o.RelationsPerEntity < 1 || o.RelationsPerEntity > o.Relations)
            throw new ArgumentException($"KnowledgeComposition RelationsPerEntity must lie in [1, Relations = {o.Relations}], not {o.RelationsPerEntity}.");
        if (outOfDistribution < 1 || outOfDistribution >= o.Entities)
            throw new ArgumentException(
                $"KnowledgeComposition OutOfDistributionFraction {o.OutOfDistributionFraction} of {o.Entities} entities leaves {outOfDistribution} out of distribution; both parts need at least one entity.");
        if (o.InferredRatio <= 0 || !double.IsFinite(o.InferredRatio))
            throw new ArgumentException($"KnowledgeComposition InferredRatio must be a positive number, not {o.InferredRatio}.");
        var inferredIn = (long)(o.Entities - outOfDistribution) * o.RelationsPerEntity * o.RelationsPerEntity;
        if (o.TestSamples < 1 || o.TestSamples >= inferredIn)
            throw new ArgumentException($"KnowledgeComposition TestSamples must lie in [1, {inferredIn}) (the in-distribution inferred facts), not {o.TestSamples}.");
    }
}
