namespace GrokDsl;

/// <summary>
/// English tense inflection in the style of McCoy, Frank and Linzen (2020, arXiv:2001.03632), one of the tasks of
/// Murty et al. 2023 (arXiv:2305.18741): past-tense sentences ("the newt with the yaks saw the zebra .") whose subject
/// and object may carry a prepositional phrase or a relative clause. The "present" task puts every verb in the present
/// tense, agreeing with its own subject ("the newt with the yaks sees the zebra ."); the "past" task copies the
/// sentence. Training holds copies of every kind of sentence but present-tense versions only of sentences where the
/// noun nearest before the main verb has the subject's number, so that agreeing with it is also right; the
/// "generalization" split (the test split, on which grokking is timed) asks for sentences where it has not. The
/// "in-distribution" split holds other present-tense versions drawn like the training ones. The grammar is documented
/// in GrokDsl.Plugins.Sequences/TenseFragment.cs. Generated at run time from the seed.
/// </summary>
[Component(ComponentKind.Dataset, "tense-inflection")]
public sealed record TenseInflection
{
    /// <summary>Distinct training examples of the "present" task.</summary>
    [Range(Min = 1)]
    public int TrainPresent { get; init; } = 10_000;

    /// <summary>Distinct training copies ("past" task), of every kind of sentence.</summary>
    [Range(Min = 1)]
    public int TrainCopies { get; init; } = 10_000;

    /// <summary>Distinct "in-distribution" examples of the "present" task, disjoint from the training ones.</summary>
    [Range(Min = 1)]
    public int InDistributionSamples { get; init; } = 1_000;

    /// <summary>Distinct "generalization" examples: a modifier on the subject ends in a noun of the other number.</summary>
    [Range(Min = 1)]
    public int GeneralizationSamples { get; init; } = 1_000;

    /// <summary>The chance that a noun phrase carries a modifier (a prepositional phrase or a relative clause, equally likely).</summary>
    [Range(Min = 0, Max = 1)]
    public double ModifierProbability { get; init; } = 0.5;

    /// <summary>Seed of the samples; null uses the run's seed.</summary>
    public int? DataSeed { get; init; }
}
