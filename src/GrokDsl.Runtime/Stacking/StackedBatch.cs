using GrokDsl.Runtime.Execution;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking;

/// <summary>
/// The runs' datasets stacked along a leading run dimension: inputs [R, N, ...], targets [R, N]. Each run keeps
/// its own seed-dependent split; stacking needs only the sizes to agree. The training sets are stacked only for
/// full-batch training: mini-batches are drawn from each run's own data, so a stacked copy would be dead weight.
/// </summary>
sealed class StackedBatch : IDisposable
{
    /// <summary>The stacked training inputs, or null when the stack trains on mini-batches.</summary>
    public Tensor? TrainInputs { get; }

    /// <summary>The stacked training targets, or null when the stack trains on mini-batches.</summary>
    public Tensor? TrainTargets { get; }

    public Tensor TestInputs { get; }
    public Tensor TestTargets { get; }

    public StackedBatch(IReadOnlyList<RunSpec> specs, IReadOnlyList<TrainingComponents> runs, bool fullBatch)
    {
        var first = runs[0].Data;
        for (var r = 1; r < runs.Count; r++)
        {
            var data = runs[r].Data;
            if (!data.TrainInputs.shape.SequenceEqual(first.TrainInputs.shape) || !data.TestInputs.shape.SequenceEqual(first.TestInputs.shape))
                throw new ArgumentException(
                    $"Run {specs[r].RunId} cannot join the stack of run {specs[0].RunId}: its data has {data.TrainTargets.shape[0]} train and {data.TestTargets.shape[0]} test examples, not {first.TrainTargets.shape[0]} and {first.TestTargets.shape[0]}.");
        }
        if (fullBatch)
        {
            TrainInputs = stack(runs.Select(c => c.Data.TrainInputs));
            TrainTargets = stack(runs.Select(c => c.Data.TrainTargets));
        }
        TestInputs = stack(runs.Select(c => c.Data.TestInputs));
        TestTargets = stack(runs.Select(c => c.Data.TestTargets));
    }

    public void Dispose()
    {
        TrainInputs?.Dispose();
        TrainTargets?.Dispose();
        TestInputs.Dispose();
        TestTargets.Dispose();
    }
}
