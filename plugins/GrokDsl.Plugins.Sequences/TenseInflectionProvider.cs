using GrokDsl.Contracts;

namespace GrokDsl.Plugins.Sequences;

/// <summary>
/// Dataset "tense-inflection" (<see cref="TenseInflection"/>, grammar in <see cref="TenseFragment"/>). A prompt is a
/// past-tense sentence and a task word, "present" or "past"; the answer is the sentence in that tense, then an end
/// token. Training and "in-distribution" examples of "present" are distinct sentences whose nearest noun before the
/// main verb agrees with the subject; "generalization" sentences are those where it does not, so no generalization
/// prompt can be a training prompt. Copies are drawn from every kind of sentence. Tokens: 0 padding, 1 end,
/// 2 "present", 3 "past", then the words of <see cref="TenseFragment.Words"/>.
/// </summary>
public sealed class TenseInflectionProvider : IDatasetProvider, IValidatesOptions
{
    public string Id => "tense-inflection";

    public void Validate(ComponentOptions options) => Validate(options.Bind<TenseInflection>());

    public const string InDistribution = "in-distribution";
    public const string Generalization = "generalization";

    const long Padding = 0, End = 1, Present = 2, Past = 3;

    // How many draws per wanted sentence before concluding that the options leave too few distinct ones.
    const int DrawsPerSentence = 50;

    // The longest sentence: subject with a relative clause (6), verb, object with one (6), period.
    const int LongestSentence = 14;

    /// <summary>The word of each token id.</summary>
    public static IReadOnlyList<string> Vocabulary { get; } = ["<padding>", "<end>", "present", "past", .. TenseFragment.Words];

    static readonly Dictionary<string, long> Tokens = Enumerable.Range(0, Vocabulary.Count).ToDictionary(i => Vocabulary[i], i => (long)i);

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<TenseInflection>();
        Validate(o);
        var dataSeed = o.DataSeed ?? seed;
        var agreeing = Distinct(o, o.TrainPresent + o.InDistributionSamples, s => s.NearestNounAgrees, DerivedSeed.Of(dataSeed, "present"));
        var generalization = Distinct(o, o.GeneralizationSamples, s => !s.NearestNounAgrees, DerivedSeed.Of(dataSeed, "generalization"));
        var copies = Distinct(o, o.TrainCopies, _ => true, DerivedSeed.Of(dataSeed, "copies"));
        var length = 2 * LongestSentence + 1; // sentence, task word, output, end; less the last token

        var (trainInputs, trainTargets) = Encode([.. agreeing[..o.TrainPresent].Select(AsPresent), .. copies.Select(AsCopy)], length);
        var (testInputs, testTargets) = Encode([.. generalization.Select(AsPresent)], length);
        var (idInputs, idTargets) = Encode([.. agreeing[o.TrainPresent..].Select(AsPresent)], length);
        return new DatasetTensors(DatasetShape.Sequences(length, Vocabulary.Count), trainInputs, trainTargets, testInputs, testTargets)
        {
            TestSplitName = Generalization,
            ExtraSplits = [new EvaluationSplit(InDistribution, idInputs, idTargets)],
        };
    }

    static (long[] Prompt, long[] Answer) AsPresent(TenseFragment.Sentence s) => ([.. s.Past().Select(w => Tokens[w]), Present], [.. s.Present().Select(w => Tokens[w]), End]);

    static (long[] Prompt, long[] Answer) AsCopy(TenseFragment.Sentence s) => ([.. s.Past().Select(w => Tokens[w]), Past], [.. s.Past().Select(w => Tokens[w]), End]);

    static (TorchSharp.torch.Tensor Inputs, TorchSharp.torch.Tensor Targets) Encode(IReadOnlyList<(long[] Prompt, long[] Answer)> examples, int length) =>
        SequenceTargets.PromptsAndAnswers(examples, length, Padding);

    static List<TenseFragment.Sentence> Distinct(TenseInflection o, int count, Func<TenseFragment.Sentence, bool> wanted, ulong seed)
    {
        var grammar = new TenseFragment(new SplitMix64(seed), o.ModifierProbability);
        var seen = new HashSet<string>();
        var result = new List<TenseFragment.Sentence>(count);
        for (long draws = 0; result.Count < count; draws++)
        {
            if (draws >= (long)DrawsPerSentence * count)
                throw new ArgumentException($"TenseInflection: found only {result.Count} of {count} distinct sentences; ask for fewer samples, or raise ModifierProbability.");
            var sentence = grammar.Draw();
            if (wanted(sentence) && seen.Add(string.Join(' ', sentence.Past()))) result.Add(sentence);
        }
        return result;
    }

    static void Validate(TenseInflection o)
    {
        if (o.TrainPresent < 1 || o.TrainCopies < 1 || o.InDistributionSamples < 1 || o.GeneralizationSamples < 1)
            throw new ArgumentException("TenseInflection TrainPresent, TrainCopies, InDistributionSamples and GeneralizationSamples must be positive.");
        if (o.ModifierProbability is < 0 or > 1 || double.IsNaN(o.ModifierProbability))
            throw new ArgumentException($"TenseInflection ModifierProbability must lie in [0, 1], not {o.ModifierProbability}.");
    }
}
