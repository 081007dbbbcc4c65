using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking.Transforms;

/// <summary>
/// <see cref="Optimization.GrokfastMaFilter"/> for a stack: the last w raw gradients [R, P] and g ← g + λ·mean of
/// them, λ per run; with warmup, only once the window is full. The window and warmup are shared by the stack.
/// </summary>
sealed class StackedGrokfastMaFilter(int window, double[] lambdas, bool warmup) : IStackedGradientTransform
{
    readonly Queue<Tensor> _history = new();

    public void Apply(FlatAdamW optimizer)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var gradients = optimizer.Gradients;
        _history.Enqueue(gradients.detach().clone().DetachFromDisposeScope());
        if (_history.Count > window) _history.Dequeue().Dispose();
        if (warmup && _history.Count < window) return;

        var sum = zeros_like(gradients);
        foreach (var step in _history) sum.add_(step);
        gradients.addcmul_(sum, StackedGradientTransforms.Column(lambdas.Select(l => l / _history.Count), gradients), 1);
    }

    public void Save(BinaryWriter writer, FlatAdamW optimizer, int run, IReadOnlyList<int> parameterOrder)
    {
        writer.Write(_history.Count);
        foreach (var step in _history) StackedGradientTransforms.WriteRun(writer, optimizer, step, run, parameterOrder);
    }

    // Runs resume a stack at one step, so each brings a history of the same length; the first one loaded sizes it.
    public void Load(BinaryReader reader, FlatAdamW optimizer, int run, IReadOnlyList<int> parameterOrder)
    {
        var count = reader.ReadInt32();
        if (_history.Count == 0)
            for (var s = 0; s < count; s++) _history.Enqueue(zeros_like(optimizer.Gradients).DetachFromDisposeScope());
        if (count != _history.Count)
            throw new InvalidDataException($"Run {run} of the stack brings {count} Grokfast-MA gradients, the others {_history.Count}; resume it alone.");
        foreach (var step in _history) StackedGradientTransforms.ReadRun(reader, optimizer, step, run, parameterOrder);
    }

    public void Dispose()
    {
        while (_history.Count > 0) _history.Dequeue().Dispose();
    }
}
