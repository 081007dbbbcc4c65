using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Optimization;

/// <summary>
/// Grokfast-MA (Lee et al. 2024, Algorithm 1, as in grokfast.py): keep the last w raw gradients and
/// add λ·mean of them; with warmup, only once the window is full.
/// </summary>
public sealed class GrokfastMaFilter(int window, double lambda, bool warmup) : IGradientTransform
{
    readonly Queue<List<Tensor>> _history = new();

    public void Apply(IReadOnlyList<Parameter> parameters)
    {
        using var _ = no_grad();
        _history.Enqueue(parameters.Select(p => p.grad!.detach().clone().DetachFromDisposeScope()).ToList());
        if (_history.Count > window)
            foreach (var old in _history.Dequeue()) old.Dispose();
        if (warmup && _history.Count < window) return;

        for (var i = 0; i < parameters.Count; i++)
        {
            using var sum = zeros_like(parameters[i].grad!);
            foreach (var step in _history) sum.add_(step[i]);
            parameters[i].grad!.add_(sum, alpha: lambda / _history.Count);
        }
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(_history.Count);
        foreach (var step in _history)
            foreach (var tensor in step) tensor.Save(writer);
    }

    public void Load(BinaryReader reader, IReadOnlyList<Parameter> parameters)
    {
        Dispose();
        var count = reader.ReadInt32();
        for (var s = 0; s < count; s++)
        {
            var step = parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToList();
            foreach (var tensor in step) tensor.Load(reader);
            _history.Enqueue(step);
        }
    }

    public void Dispose()
    {
        while (_history.Count > 0)
            foreach (var tensor in _history.Dequeue()) tensor.Dispose();
    }
}
