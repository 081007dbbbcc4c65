using GrokDsl.Contracts;
using static GrokDsl.Plugins.Sequences.EnglishFragment;

namespace GrokDsl.Plugins.Sequences;

/// <summary>
/// Dataset "question-formation" (<see cref="QuestionFormation"/>, grammar in <see cref="EnglishFragment"/>). A prompt is
/// a declarative and a task word, "quest" or "decl"; the answer is the question or the copy, then an end token.
/// Training and "in-distribution" questions are distinct draws of one stream of sentences without a relative clause on
/// the subject; "generalization" questions come from a stream whose sentences all have one, so no generalization
/// prompt can be a training prompt. Copies are drawn from every kind of sentence. Tokens: 0 padding, 1 end, 2 "quest",
/// 3 "decl", then the words of <see cref="EnglishFragment.Words"/>.
/// </summary>
public sealed class QuestionFormationProvider : IDatasetProvider, IValidatesOptions
{
    public string Id => "question-formation";

    public void Validate(ComponentOptions options) => Validate(options.Bind<QuestionFormation>());

    public const string InDistribution = "in-distribution";
    public const string Generalization = "generalization";

    const long Padding = 0, End = 1, Quest = 2, Decl = 3;

    // How many draws per wanted sentence before concluding that the options leave too few distinct ones.
    const int DrawsPerSentence = 50;

    // The longest sentence: subject with a relative clause (7), auxiliary, verb, object with one (7), period.
    const int LongestSentence = 17;

    /// <summary>The word of each token id.</summary>
    public static IReadOnlyList<string> Vocabulary { get; } = ["<padding>", "<end>", "quest", "decl", .. Words];

    static readonly Dictionary<string, long> Tokens = Enumerable.Range(0, Vocabulary.Count).ToDictionary(i => Vocabulary[i], i => (long)i);

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<QuestionFormation>();
        Validate(o);
        var dataSeed = o.DataSeed ?? seed;
        var questions = Distinct(o, o.TrainQuestions + o.InDistributionSamples, Subject.NoRelativeClause, DerivedSeed.Of(dataSeed, "questions"));
        var generalization = Distinct(o, o.GeneralizationSamples, Subject.RelativeClause, DerivedSeed.Of(dataSeed, "generalization"));
        var copies = Distinct(o, o.TrainCopies, Subject.AnyModifier, DerivedSeed.Of(dataSeed, "copies"));
        var length = 2 * LongestSentence + 1; // sentence, task word, output, end; less the last token

        var (trainInputs, trainTargets) = Encode([.. questions[..o.TrainQuestions].Select(AsQuestion), .. copies.Select(AsCopy)], length);
        var (testInputs, testTargets) = Encode([.. generalization.Select(AsQuestion)], length);
        var (idInputs, idTargets) = Encode([.. questions[o.TrainQuestions..].Select(AsQuestion)], length);
        return new DatasetTensors(DatasetShape.Sequences(length, Vocabulary.Count), trainInputs, trainTargets, testInputs, testTargets)
        {
            TestSplitName = Generalization,
            ExtraSplits = [new EvaluationSplit(InDistribution, idInputs, idTargets)],
        };
    }

    static (long[] Prompt, long[] Answer) AsQuestion(Sentence s) => ([.. s.Words.Select(w => Tokens[w]), Quest], [.. s.Question().Select(w => Tokens[w]), End]);

    static (long[] Prompt, long[] Answer) AsCopy(Sentence s) => ([.. s.Words.Select(w => Tokens[w]), Decl], [.. s.Words.Select(w => Tokens[w]), End]);

    static (TorchSharp.torch.Tensor Inputs, TorchSharp.torch.Tensor Targets) Encode(IReadOnlyList<(long[] Prompt, long[] Answer)> examples, int length) =>
        SequenceTargets.PromptsAndAnswers(examples, length, Padding);

    static List<Sentence> Distinct(QuestionFormation o, int count, Subject subject, ulong seed)
    {
        var grammar = new EnglishFragment(new SplitMix64(seed), o.ModifierProbability);
        var seen = new HashSet<string>();
        var result = new List<Sentence>(count);
        for (long draws = 0; result.Count < count; draws++)
        {
            if (draws >= (long)DrawsPerSentence * count)
                throw new ArgumentException($"QuestionFormation: found only {result.Count} of {count} distinct sentences; ask for fewer samples.");
            var sentence = grammar.Draw(subject);
            if (seen.Add(string.Join(' ', sentence.Words))) result.Add(sentence);
        }
        return result;
    }

    static void Validate(QuestionFormation o)
    {
        if (o.TrainQuestions < 1 || o.TrainCopies < 1 || o.InDistributionSamples < 1 || o.GeneralizationSamples < 1)
            throw new ArgumentException("QuestionFormation TrainQuestions, TrainCopies, InDistributionSamples and GeneralizationSamples must be positive.");
        if (o.ModifierProbability is < 0 or > 1 || double.IsNaN(o.ModifierProbability))
            throw new ArgumentException($"QuestionFormation ModifierProbability must lie in [0, 1], not {o.ModifierProbability}.");
    }
}
