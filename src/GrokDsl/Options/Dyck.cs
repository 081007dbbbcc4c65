namespace GrokDsl;

/// <summary>
/// Dyck languages (Murty, Sharma, Andreas and Manning 2023, arXiv:2305.18741, after Hewitt et al. 2020): strings of
/// <see cref="BracketTypes"/> kinds of nested brackets. Each example is a prompt, an unfinished Dyck prefix followed by
/// "=", and its answer, the closing brackets that complete it followed by an end token; a language model
/// (Transformer LanguageModelHead) is scored on generating the answer. Training and "in-distribution" prompts nest at
/// most <see cref="TrainDepth"/> deep; "generalization" prompts (the test split, on which grokking is timed) nest
/// deeper, up to <see cref="MaxDepth"/>, so they never occur in training. Generated at run time from the seed.
/// Tokens: 0 padding, 1 "=", 2 end, 3 … 2 + k the opening and 3 + k … 2 + 2k the matching closing brackets.
/// </summary>
[Component(ComponentKind.Dataset, "dyck")]
public sealed record Dyck
{
    /// <summary>k, the kinds of bracket pairs (Murty et al.: 20).</summary>
    [Range(Min = 1, Max = 100)]
    public int BracketTypes { get; init; } = 20;

    /// <summary>The deepest nesting of training and in-distribution prompts.</summary>
    [Range(Min = 1)]
    public int TrainDepth { get; init; } = 5;

    /// <summary>The deepest nesting of generalization prompts, which all nest deeper than <see cref="TrainDepth"/> (Murty et al.: 10).</summary>
    [Range(Min = 2)]
    public int MaxDepth { get; init; } = 10;

    /// <summary>The shortest prompt, in brackets.</summary>
    [Range(Min = 1)]
    public int MinLength { get; init; } = 4;

    /// <summary>The longest prompt, in brackets; it must exceed <see cref="TrainDepth"/> so that deeper prompts exist.</summary>
    [Range(Min = 2)]
    public int MaxLength { get; init; } = 40;

    /// <summary>Distinct training prompts.</summary>
    [Range(Min = 1)]
    public int TrainSamples { get; init; } = 2000;

    /// <summary>Distinct "in-distribution" prompts, drawn like the training ones and disjoint from them.</summary>
    [Range(Min = 1)]
    public int InDistributionSamples { get; init; } = 500;

    /// <summary>Distinct "generalization" prompts, nesting deeper than <see cref="TrainDepth"/>.</summary>
    [Range(Min = 1)]
    public int GeneralizationSamples { get; init; } = 500;

    /// <summary>Seed of the samples; null uses the run's seed.</summary>
    public int? DataSeed { get; init; }
}
