namespace GrokDsl;

/// <summary>
/// English question formation in the style of McCoy, Frank and Linzen (2020, arXiv:2001.03632), the task Murty et al.
/// 2023 (arXiv:2305.18741) study: a small context-free grammar of declaratives ("the newt does see the yak .") whose
/// subject and object may carry a prepositional phrase or a relative clause. The "quest" task fronts the main-clause
/// auxiliary ("does the newt see the yak ?"); the "decl" task copies the sentence. Training holds copies of every kind
/// of sentence but questions only of sentences without a relative clause on the subject, where fronting the first
/// auxiliary is also right; the "generalization" split (the test split, on which grokking is timed) asks for
/// questions of sentences with a relative clause on the subject, where only the hierarchical rule is. The
/// "in-distribution" split holds other questions drawn like the training ones. The grammar is documented in
/// GrokDsl.Plugins.Sequences/EnglishFragment.cs. Generated at run time from the seed.
/// </summary>
[Component(ComponentKind.Dataset, "question-formation")]
public sealed record QuestionFormation
{
    /// <summary>Distinct training questions ("quest" examples).</summary>
    [Range(Min = 1)]
    public int TrainQuestions { get; init; } = 10_000;

    /// <summary>Distinct training copies ("decl" examples), of every kind of sentence.</summary>
    [Range(Min = 1)]
    public int TrainCopies { get; init; } = 10_000;

    /// <summary>Distinct "in-distribution" questions, drawn like the training ones and disjoint from them.</summary>
    [Range(Min = 1)]
    public int InDistributionSamples { get; init; } = 1_000;

    /// <summary>Distinct "generalization" questions, of sentences with a relative clause on the subject.</summary>
    [Range(Min = 1)]
    public int GeneralizationSamples { get; init; } = 1_000;

    /// <summary>The chance that a noun phrase carries a modifier (a prepositional phrase or a relative clause, equally likely).</summary>
    [Range(Min = 0, Max = 1)]
    public double ModifierProbability { get; init; } = 0.5;

    /// <summary>Seed of the samples; null uses the run's seed.</summary>
    public int? DataSeed { get; init; }
}
