using GrokDsl.Contracts;
using GrokDsl.Plugins.Sequences;

namespace GrokDsl.PluginTests.Datasets;

/// <summary>question-formation: questions front the main auxiliary; only generalization sentences put another auxiliary before it.</summary>
public sealed class QuestionFormationTests
{
    static readonly QuestionFormation Small = new() { TrainQuestions = 300, TrainCopies = 300, InDistributionSamples = 100, GeneralizationSamples = 100 };

    static readonly HashSet<string> Auxiliaries = ["does", "doesn't", "do", "don't", "can", "can't", "will", "won't"];

    static DatasetTensors Create(QuestionFormation options, int seed = 0) => new QuestionFormationProvider().Create(ComponentOptions.From(options), seed);

    sealed record Example(string[] Sentence, string Task, string[] Answer)
    {
        public string Prompt => string.Join(' ', Sentence) + " " + Task;
    }

    static List<Example> Examples(TorchSharp.torch.Tensor inputs, TorchSharp.torch.Tensor targets) =>
    [
        .. Rows.Tokens(inputs).Zip(Rows.Tokens(targets), (input, target) =>
        {
            var words = input.Select(t => QuestionFormationProvider.Vocabulary[(int)t]).ToArray();
            var task = Array.FindIndex(words, w => w is "quest" or "decl");
            var answer = target.Where(t => t != SequenceTargets.Ignored).Select(t => QuestionFormationProvider.Vocabulary[(int)t]).ToArray();
            Assert.Equal("<end>", answer[^1]);
            return new Example(words[..task], words[task], answer[..^1]);
        }),
    ];

    [Fact]
    public void TrainingQuestionsAreAlsoRightByFrontingTheFirstAuxiliaryAndGeneralizationQuestionsAreNot()
    {
        using var data = Create(Small);
        var train = Examples(data.TrainInputs, data.TrainTargets);
        var generalization = Examples(data.TestInputs, data.TestTargets);

        var questions = train.Where(e => e.Task == "quest").ToList();
        Assert.Equal(300, questions.Count);
        Assert.Equal(300, train.Count(e => e.Task == "decl"));
        Assert.All(questions, e => Assert.Equal(Array.Find(e.Sentence, Auxiliaries.Contains), e.Answer[0]));
        Assert.All(generalization, e =>
        {
            Assert.Equal("quest", e.Task);
            Assert.True(e.Sentence.Count(Auxiliaries.Contains) >= 2 && FrontedAt(e) > Array.FindIndex(e.Sentence, Auxiliaries.Contains),
                $"'{string.Join(' ', e.Sentence)}' fronts its first auxiliary");
        });
        Assert.DoesNotContain(generalization.Select(e => e.Prompt), train.Select(e => e.Prompt).ToHashSet().Contains);
        Assert.DoesNotContain(Examples(data.ExtraSplits[0].Inputs, data.ExtraSplits[0].Targets).Select(e => e.Prompt), train.Select(e => e.Prompt).ToHashSet().Contains);
    }

    // Where in the sentence the question's first word was taken from: the one auxiliary whose removal leaves the question's rest.
    static int FrontedAt(Example e)
    {
        var rest = e.Answer[1..^1];
        var at = Enumerable.Range(0, e.Sentence.Length - 1)
            .Single(i => e.Sentence[i] == e.Answer[0] && e.Sentence[..i].Concat(e.Sentence[(i + 1)..^1]).SequenceEqual(rest));
        return at;
    }

    [Fact]
    public void QuestionsFrontTheAuxiliaryThatAgreesWithTheSubjectAndCopiesCopy()
    {
        using var data = Create(Small);
        var all = Examples(data.TrainInputs, data.TrainTargets).Concat(Examples(data.TestInputs, data.TestTargets));

        foreach (var e in all)
        {
            if (e.Task == "decl")
            {
                Assert.Equal(e.Sentence, e.Answer);
                continue;
            }
            Assert.Equal("?", e.Answer[^1]);
            Assert.Equal(".", e.Sentence[^1]);
            var at = FrontedAt(e);
            // The main auxiliary follows the subject: "do"-support agrees with the subject's head noun, the second word.
            if (e.Answer[0] is "do" or "don't") Assert.EndsWith("s", e.Sentence[1]);
            if (e.Answer[0] is "does" or "doesn't") Assert.False(e.Sentence[1].EndsWith('s'), string.Join(' ', e.Sentence));
            Assert.True(at >= 2);
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
