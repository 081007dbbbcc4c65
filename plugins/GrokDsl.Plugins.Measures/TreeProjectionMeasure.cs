using System.Text.RegularExpressions;
using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The <c>tree-projection</c> measure (<see cref="GrokDsl.TreeProjection"/>; Murty et al. 2023, §4): on the first
/// sentences of a split (each row's prompt without its separator), the SCI chart of each (<see cref="SpanDistances"/>),
/// its projected tree (<see cref="TreeProjectionChart"/>), and means over the sentences of "t_score" (random-tree
/// minus projected-tree distance per token: higher is more tree-structured), "distance" and "random_distance" (per
/// token), and "sentences", how many were read. Cost: n(n − 1)/2 span sequences of up to n − 1 tokens per sentence of
/// n tokens (n − 1 batched forward passes) and O(n³) for the projection; one dispose scope per sentence.
/// </summary>
public sealed partial class TreeProjectionProvider : IMeasureProvider, IValidatesOptions
{
    public string Id => "tree-projection";

    // Creating a measure builds no tensors, so validating is creating and dropping it.
    public void Validate(ComponentOptions options) => Create(options);

    // Fewer tokens leave one binary tree only, which projects onto itself.
    const int ShortestSentence = 3;

    public IProgressMeasure Create(ComponentOptions options) => new TreeProjectionMeasure(options.Bind<TreeProjection>());

    sealed class TreeProjectionMeasure(TreeProjection options) : IProgressMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            if (!context.Data.Shape.IsSequence)
                throw new ArgumentException("tree-projection needs a sequence dataset (prompts and answers), whose prompts are the sentences.");
            var (inputs, targets) = SequenceSample.Split(context.Data, options.Split);
            var sentences = SequenceSample.Sentences(inputs, targets, options.Samples, ShortestSentence);
            if (sentences.Count == 0)
                throw new ArgumentException($"The split '{options.Split}' has no sentence of at least {ShortestSentence} tokens.");
            var module = options.Module ?? LastBlock(context.Model);

            var trees = sentences.Select(sentence => TreeProjectionChart.Project(SpanDistances.Chart(context.Model, module, sentence, options.Pooling))).ToList();
            return new Dictionary<string, double>
            {
                ["t_score"] = trees.Average(t => t.TScore),
                ["distance"] = trees.Average(t => t.Distance / t.Tokens),
                ["random_distance"] = trees.Average(t => t.RandomDistance / t.Tokens),
                ["sentences"] = trees.Count,
            };
        }
    }

    static string LastBlock(nn.Module model) =>
        model.named_modules().Select(m => m.name).LastOrDefault(name => BlockName().IsMatch(name))
        ?? throw new ArgumentException("The model has no module named \"blocks.<i>\"; set TreeProjection Module to the module whose output is the hidden state.");

    [GeneratedRegex(@"^blocks\.\d+$")]
    private static partial Regex BlockName();
}
