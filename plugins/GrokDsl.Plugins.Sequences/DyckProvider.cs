using GrokDsl.Contracts;

namespace GrokDsl.Plugins.Sequences;

/// <summary>
/// Dataset "dyck" (<see cref="Dyck"/>): complete an unfinished Dyck prefix with its closing brackets. Training and
/// "in-distribution" prompts are distinct draws of one stream, nesting at most TrainDepth deep, the first
/// TrainSamples for training; "generalization" prompts come from a stream of their own and are kept only when they
/// nest deeper than TrainDepth, so no generalization prompt can be a training prompt. The test split is the
/// generalization split, so grokking is timed on it; "in-distribution" is an extra split.
/// </summary>
public sealed class DyckProvider : IDatasetProvider, IValidatesOptions
{
    public string Id => "dyck";

    public void Validate(ComponentOptions options) => Validate(options.Bind<Dyck>());

    public const string InDistribution = "in-distribution";
    public const string Generalization = "generalization";

    const long Padding = 0, Query = 1, End = 2, FirstBracket = 3;

    // How many draws per wanted prompt before concluding that the options leave too few distinct prompts.
    const int DrawsPerPrompt = 200;

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<Dyck>();
        Validate(o);
        var dataSeed = o.DataSeed ?? seed;
        var inDistribution = DistinctPrompts(o, o.TrainSamples + o.InDistributionSamples, o.TrainDepth, minDepth: 1, DerivedSeed.Of(dataSeed, "dyck-in-distribution"));
        var generalization = DistinctPrompts(o, o.GeneralizationSamples, o.MaxDepth, minDepth: o.TrainDepth + 1, DerivedSeed.Of(dataSeed, "dyck-generalization"));
        var length = o.MaxLength + o.MaxDepth + 1;

        var (trainInputs, trainTargets) = Encode(o, inDistribution[..o.TrainSamples], length);
        var (testInputs, testTargets) = Encode(o, generalization, length);
        var (idInputs, idTargets) = Encode(o, inDistribution[o.TrainSamples..], length);
        return new DatasetTensors(DatasetShape.Sequences(length, VocabularySize(o.BracketTypes)), trainInputs, trainTargets, testInputs, testTargets)
        {
            TestSplitName = Generalization,
            ExtraSplits = [new EvaluationSplit(InDistribution, idInputs, idTargets)],
        };
    }

    /// <summary>Padding, "=", end, and k opening and k closing brackets.</summary>
    public static int VocabularySize(int bracketTypes) => (int)FirstBracket + 2 * bracketTypes;

    // Prompts whose deepest nesting lies in [minDepth, depthCap], all different.
    static List<int[]> DistinctPrompts(Dyck o, int count, int depthCap, int minDepth, ulong seed)
    {
        var prompts = new DyckPrompts(o.BracketTypes, o.MinLength, o.MaxLength, new SplitMix64(seed));
        var seen = new HashSet<string>();
        var result = new List<int[]>(count);
        for (long draws = 0; result.Count < count; draws++)
        {
            if (draws >= (long)DrawsPerPrompt * count)
                throw new ArgumentException(
                    $"Dyck: found only {result.Count} of {count} distinct prompts of {o.MinLength}-{o.MaxLength} brackets nesting {minDepth}-{depthCap} deep; " +
                    "ask for fewer samples, or allow longer or deeper prompts.");
            if (prompts.Draw(depthCap) is (int[] brackets, int maxDepth) && maxDepth >= minDepth && seen.Add(string.Join(',', brackets)))
                result.Add(brackets);
        }
        return result;
    }

    static (TorchSharp.torch.Tensor Inputs, TorchSharp.torch.Tensor Targets) Encode(Dyck o, IReadOnlyList<int[]> prompts, int length) =>
        SequenceTargets.PromptsAndAnswers(
            [.. prompts.Select(brackets => (
                Prompt: (long[])[.. brackets.Select(b => FirstBracket + b), Query],
                Answer: (long[])[.. DyckPrompts.Completion(brackets, o.BracketTypes).Select(b => FirstBracket + b), End]))],
            length, Padding);

    static void Validate(Dyck o)
    {
        if (o.BracketTypes is < 1 or > 100) throw new ArgumentException($"Dyck BracketTypes must lie in [1, 100], not {o.BracketTypes}.");
        if (o.TrainDepth < 1 || o.MaxDepth <= o.TrainDepth)
            throw new ArgumentException($"Dyck needs 1 ≤ TrainDepth < MaxDepth, not TrainDepth {o.TrainDepth} and MaxDepth {o.MaxDepth}: generalization prompts nest deeper than training ones.");
        if (o.MinLength < 1 || o.MaxLength < o.MinLength)
            throw new ArgumentException($"Dyck needs 1 ≤ MinLength ≤ MaxLength, not {o.MinLength} and {o.MaxLength}.");
        if (o.MaxLength <= o.TrainDepth)
            throw new ArgumentException($"Dyck MaxLength ({o.MaxLength}) must exceed TrainDepth ({o.TrainDepth}), or no prompt can nest deeper than training ones.");
        if (o.TrainSamples < 1 || o.InDistributionSamples < 1 || o.GeneralizationSamples < 1)
            throw new ArgumentException("Dyck TrainSamples, InDistributionSamples and GeneralizationSamples must be positive.");
    }
}
