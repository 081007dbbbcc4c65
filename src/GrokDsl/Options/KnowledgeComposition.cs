namespace GrokDsl;

/// <summary>
/// Two-hop composition over a random knowledge graph, after Wang, Yue, Su and Sun 2024 ("Grokked Transformers are
/// Implicit Reasoners", arXiv:2405.15071): every entity has <see cref="RelationsPerEntity"/> atomic facts (h, r, t),
/// and an inferred fact (h, r1, r2, t) composes (h, r1, b) and (b, r2, t). The entities are split in two, and each
/// entity's facts lead to entities of its own part, so that inferred facts never mix the parts. Training holds every
/// atomic fact and, for "in-distribution" entities, a share of the inferred facts; the test split ("in-distribution",
/// on which grokking is timed) holds other inferred facts of those entities, and "out-of-distribution" the inferred
/// facts of the other entities, whose atomic facts alone are seen. Prompts are [h, r] and [h, r1, r2]; the answer
/// is [t]. Tokens: 0 padding, 1 … E the entities, E + 1 … E + R the relations. Generated at run time from the seed.
/// </summary>
[Component(ComponentKind.Dataset, "knowledge-composition")]
public sealed record KnowledgeComposition
{
    /// <summary>|E| (Wang et al.: 2,000).</summary>
    [Range(Min = 4)]
    public int Entities { get; init; } = 200;

    /// <summary>|R| (Wang et al.: 200).</summary>
    [Range(Min = 1)]
    public int Relations { get; init; } = 20;

    /// <summary>Atomic facts per entity, each with a different relation (Wang et al.: 20).</summary>
    [Range(Min = 1)]
    public int RelationsPerEntity { get; init; } = 5;

    /// <summary>The share of entities that are out of distribution (Wang et al.: 5%).</summary>
    [Range(Min = 0, Max = 1, MinExclusive = true, MaxExclusive = true)]
    public double OutOfDistributionFraction { get; init; } = 0.05;

    /// <summary>φ, inferred training facts per in-distribution atomic fact (Wang et al. vary it; 3.6 to 18).</summary>
    [Range(Min = 0, MinExclusive = true)]
    public double InferredRatio { get; init; } = 3.6;

    /// <summary>Held-out inferred facts of in-distribution entities (the test split).</summary>
    [Range(Min = 1)]
    public int TestSamples { get; init; } = 500;

    /// <summary>Seed of the graph and the split; null uses the run's seed.</summary>
    public int? DataSeed { get; init; }
}
