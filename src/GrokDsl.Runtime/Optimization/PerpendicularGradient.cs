using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Optimization;

/// <summary>
/// ⊥Grad (Prieto et al. 2025, orthograd.py): per tensor, g⊥ = g − (w·g)/(w·w + 1e-30)·w, rescaled to
/// ‖g‖, which removes the "scale up the logits" direction of naïve loss minimization. Stateless.
/// </summary>
public sealed class PerpendicularGradient : IGradientTransform
{
    public void Apply(IReadOnlyList<Parameter> parameters)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        foreach (var parameter in parameters)
        {
            var w = parameter.view(-1);
            var g = parameter.grad!.view(-1);
            var projection = w.dot(g) / (w.dot(w) + 1e-30);
            var orthogonal = g - projection * w;
            var scale = g.norm() / (orthogonal.norm() + 1e-30);
            parameter.grad!.copy_((orthogonal * scale).view_as(parameter.grad!));
        }
    }

    public void Save(BinaryWriter writer) { }

    public void Load(BinaryReader reader, IReadOnlyList<Parameter> parameters) { }

    public void Dispose() { }
}
