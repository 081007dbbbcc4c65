using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking.Transforms;

/// <summary>
/// <see cref="Optimization.PerpendicularGradient"/> for a stack: per run and parameter tensor,
/// g⊥ = g − (w·g)/(w·w + 1e-30)·w, rescaled to ‖g‖. Stateless.
/// </summary>
sealed class StackedPerpendicularGradient : IStackedGradientTransform
{
    public void Apply(FlatAdamW optimizer)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        foreach (var segment in optimizer.Segments)
        {
            var w = optimizer.Values.narrow(1, segment.Offset, segment.Width);
            var g = optimizer.Gradients.narrow(1, segment.Offset, segment.Width);
            var projection = (w * g).sum(1, keepdim: true) / ((w * w).sum(1, keepdim: true) + 1e-30);
            var orthogonal = g - projection * w;
            var scale = Norms(g) / (Norms(orthogonal) + 1e-30);
            g.copy_(orthogonal * scale);
        }
    }

    static Tensor Norms(Tensor rows) => rows.square().sum(1, keepdim: true).sqrt();

    public void Save(BinaryWriter writer, FlatAdamW optimizer, int run, IReadOnlyList<int> parameterOrder) { }

    public void Load(BinaryReader reader, FlatAdamW optimizer, int run, IReadOnlyList<int> parameterOrder) { }

    public void Dispose() { }
}
