using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Optimization;

/// <summary>
/// Grokfast-EMA (Lee et al. 2024, Algorithm 2, as in the authors' grokfast.py): μ ← α·μ + (1−α)·g and
/// g ← g + λ·μ, with μ starting at the first gradient.
/// </summary>
public sealed class GrokfastEmaFilter(double alpha, double lambda) : IGradientTransform
{
    List<Tensor>? _average;

    public void Apply(IReadOnlyList<Parameter> parameters)
    {
        using var _ = no_grad();
        _average ??= parameters.Select(p => p.grad!.detach().clone().DetachFromDisposeScope()).ToList();
        for (var i = 0; i < parameters.Count; i++)
        {
            var gradient = parameters[i].grad!;
            _average[i].mul_(alpha).add_(gradient, alpha: 1 - alpha);
            gradient.add_(_average[i], alpha: lambda);
        }
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(_average is not null);
        foreach (var tensor in _average ?? []) tensor.Save(writer);
    }

    public void Load(BinaryReader reader, IReadOnlyList<Parameter> parameters)
    {
        Dispose();
        if (!reader.ReadBoolean()) return;
        _average = parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToList();
        foreach (var tensor in _average) tensor.Load(reader);
    }

    public void Dispose()
    {
        foreach (var tensor in _average ?? []) tensor.Dispose();
        _average = null;
    }
}
