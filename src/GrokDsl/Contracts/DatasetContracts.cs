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

    public static DatasetShape Tokens(int sequenceLength, int vocabularySize, int classCount) =>
        new(sequenceLength, vocabularySize, 0, classCount);
}

/// <summary>
/// A dataset as tensors on the CPU: token ids (int64, [N, SequenceLength]) or features
/// (float, [N, FeatureCount]); targets are class indices (int64, [N]). The host owns and disposes them.
/// </summary>
public sealed record DatasetTensors(
    DatasetShape Shape, Tensor TrainInputs, Tensor TrainTargets, Tensor TestInputs, Tensor TestTargets) : IDisposable
{
    public DatasetTensors To(Device device) => this with
    {
        TrainInputs = TrainInputs.to(device),
        TrainTargets = TrainTargets.to(device),
        TestInputs = TestInputs.to(device),
        TestTargets = TestTargets.to(device),
    };

    public void Dispose()
    {
        TrainInputs.Dispose();
        TrainTargets.Dispose();
        TestInputs.Dispose();
        TestTargets.Dispose();
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
