using GrokDsl.Contracts;
using GrokDsl.Plugins.Sequences;

namespace GrokDsl.PluginTests.Datasets;

/// <summary>tense-inflection: present verbs agree with their subject; only generalization sentences put a noun of the other number nearest the main verb.</summary>
public sealed class TenseInflectionTests
{
    static readonly TenseInflection Small = new() { TrainPresent = 300, TrainCopies = 300, InDistributionSamples = 100, GeneralizationSamples = 100 };

    static readonly string[] NounStems = ["newt", "orangutan", "peacock", "quail", "raven", "salamander", "unicorn", "vulture", "yak", "zebra"];
    static readonly HashSet<string> Prepositions = ["around", "near", "with", "upon", "by", "behind", "above", "below"];
    static readonly HashSet<string> Relativizers = ["who", "that"];

    static DatasetTensors Create(TenseInflection options, int seed = 0) => new TenseInflectionProvider().Create(ComponentOptions.From(options), seed);

    sealed record Example(string[] Sentence, string Task, string[] Answer)
    {
        public string Prompt => string.Join(' ', Sentence) + " " + Task;
    }

    static List<Example> Examples(TorchSharp.torch.Tensor inputs, TorchSharp.torch.Tensor targets) =>
    [
        .. Rows.Tokens(inputs).Zip(Rows.Tokens(targets), (input, target) =>
        {
            var words = input.Select(t => TenseInflectionProvider.Vocabulary[(int)t]).ToArray();
            var task = Array.FindIndex(words, w => w is "present" or "past");
            var answer = target.Where(t => t != SequenceTargets.Ignored).Select(t => TenseInflectionProvider.Vocabulary[(int)t]).ToArray();
            Assert.Equal("<end>", answer[^1]);
            return new Example(words[..task], words[task], answer[..^1]);
        }),
    ];

    static bool IsNoun(string word) => NounStems.Contains(word) || NounStems.Contains(word.TrimEnd('s'));

    static bool IsPlural(string noun) => noun.EndsWith('s');

    // The subject is Det N, then a PP (Prep Det N) or a relative clause of four words; the main verb follows it.
    static int MainVerb(string[] sentence) =>
        Prepositions.Contains(sentence[2]) ? 5 : Relativizers.Contains(sentence[2]) ? 6 : 2;

    static string NearestNounBefore(string[] sentence, int position) => sentence[..position].Last(IsNoun);

    [Fact]
    public void TrainingSentencesAgreeWithTheirNearestNounAndGeneralizationSentencesDoNot()
    {
        using var data = Create(Small);
        var train = Examples(data.TrainInputs, data.TrainTargets);
        var generalization = Examples(data.TestInputs, data.TestTargets);

        var present = train.Where(e => e.Task == "present").ToList();
        Assert.Equal(300, present.Count);
        Assert.All(present, e => Assert.Equal(IsPlural(e.Sentence[1]), IsPlural(NearestNounBefore(e.Sentence, MainVerb(e.Sentence)))));
        Assert.All(generalization, e =>
        {
            Assert.Equal("present", e.Task);
            Assert.NotEqual(IsPlural(e.Sentence[1]), IsPlural(NearestNounBefore(e.Sentence, MainVerb(e.Sentence))));
        });
        var trainPrompts = train.Select(e => e.Prompt).ToHashSet();
        Assert.DoesNotContain(generalization.Select(e => e.Prompt), trainPrompts.Contains);
        Assert.DoesNotContain(Examples(data.ExtraSplits[0].Inputs, data.ExtraSplits[0].Targets).Select(e => e.Prompt), trainPrompts.Contains);
    }

    [Fact]
    public void ThePresentTenseMainVerbAgreesWithTheSubjectAndCopiesCopy()
    {
        using var data = Create(Small);
        var all = Examples(data.TrainInputs, data.TrainTargets).Concat(Examples(data.TestInputs, data.TestTargets));

        foreach (var e in all)
        {
            if (e.Task == "past")
            {
                Assert.Equal(e.Sentence, e.Answer);
                continue;
            }
            Assert.Equal(e.Sentence.Length, e.Answer.Length);
            var verb = MainVerb(e.Sentence);
            // Singular present forms end in "s" ("sees"), plural ones do not ("see"); nouns and the rest stay as they were.
            Assert.Equal(!IsPlural(e.Sentence[1]), e.Answer[verb].EndsWith('s'));
            Assert.NotEqual(e.Sentence[verb], e.Answer[verb]);
            Assert.All(Enumerable.Range(0, e.Sentence.Length).Where(i => IsNoun(e.Sentence[i])), i => Assert.Equal(e.Sentence[i], e.Answer[i]));
        }
    }

    [Fact]
    public void TheDataDependsOnTheSeedOnly()
    {
        using var first = Create(Small, seed: 1);
        using var again = Create(Small, seed: 1);
        using var other = Create(Small, seed: 2);

        Assert.Equal(Rows.Tokens(first.TrainTargets).Select(Rows.Key), Rows.Tokens(again.TrainTargets).Select(Rows.Key));
        Assert.NotEqual(Rows.Tokens(first.TrainTargets).Select(Rows.Key), Rows.Tokens(other.TrainTargets).Select(Rows.Key));
    }
}
