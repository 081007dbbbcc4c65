using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Contracts;

/// <summary>How a dataset's inputs look, so that a model can size itself.</summary>
/// <param name="SequenceLength">Tokens per example (0 for feature inputs).</param>
/// <param name="VocabularySize">Distinct token values (0 for feature inputs).</param>
/// <param name="FeatureCount">Features per example (0 for token inputs).</param>
/// <param name="ClassCount">Number of output classes.</param>
public sealed record DatasetShape(int SequenceLength, int VocabularySize, int FeatureCount, int ClassCount)
{
    public bool IsTokens => SequenceLength > 0;

    /// <summary>
    /// A sequence (language-model) dataset (contract 1.4): targets are the next token at every position, [N,
    /// SequenceLength], with <see cref="SequenceTargets.Ignored"/> where a position is not scored, and models return
    /// logits at every position, [N, SequenceLength, ClassCount], where ClassCount is the vocabulary size.
    /// </summary>
    public bool IsSequence { get; init; }

    public static DatasetShape Tokens(int sequenceLength, int vocabularySize, int classCount) =>
        new(sequenceLength, vocabularySize, 0, classCount);

    /// <summary>The shape of a sequence dataset (<see cref="IsSequence"/>): every position predicts one of the vocabulary's tokens.</summary>
    public static DatasetShape Sequences(int sequenceLength, int vocabularySize) =>
        new(sequenceLength, vocabularySize, 0, vocabularySize) { IsSequence = true };
}

/// <summary>
/// A dataset as tensors on the CPU: token ids (int64, [N, SequenceLength]) or features
/// (float, [N, FeatureCount]); targets are class indices (int64, [N]), or next tokens (int64, [N, SequenceLength])
/// for a sequence dataset (<see cref="DatasetShape.IsSequence"/>). The host owns and disposes them.
/// </summary>
public sealed record DatasetTensors(
    DatasetShape Shape, Tensor TrainInputs, Tensor TrainTargets, Tensor TestInputs, Tensor TestTargets) : IDisposable
{
    /// <summary>
    /// What metrics call the test split (contract 1.4), e.g. "generalization". Grokking is timed on the test split,
    /// so a dataset with a held-out structure puts that structure there and names it.
    /// </summary>
    public string TestSplitName { get; init; } = "test";

    /// <summary>Further evaluation splits (contract 1.4), e.g. "in-distribution", evaluated beside the test split.</summary>
    public IReadOnlyList<EvaluationSplit> ExtraSplits { get; init; } = [];

    /// <summary>True when metrics name the splits: the test split is renamed or there are extra ones.</summary>
    public bool HasNamedSplits => TestSplitName != "test" || ExtraSplits.Count > 0;

    public DatasetTensors To(Device device) => this with
    {
        TrainInputs = TrainInputs.to(device),
        TrainTargets = TrainTargets.to(device),
        TestInputs = TestInputs.to(device),
        TestTargets = TestTargets.to(device),
        ExtraSplits = [.. ExtraSplits.Select(split => split with { Inputs = split.Inputs.to(device), Targets = split.Targets.to(device) })],
    };

    public void Dispose()
    {
        TrainInputs.Dispose();
        TrainTargets.Dispose();
        TestInputs.Dispose();
        TestTargets.Dispose();
        foreach (var split in ExtraSplits) split.Dispose();
    }
}

/// <summary>Creates datasets. Implementations need a public parameterless constructor.</summary>
public interface IDatasetProvider
{
    /// <summary>The component id experiments use, e.g. "modular-arithmetic".</summary>
    string Id { get; }

    /// <param name="options">The experiment's options for this component.</param>
    /// <param name="seed">The run's seed, for splits that do not set their own.</param>
    DatasetTensors Create(ComponentOptions options, int seed);
}
