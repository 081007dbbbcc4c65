using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking.Transforms;

/// <summary>
/// <see cref="Optimization.GrokfastEmaFilter"/> for a stack: μ ← α·μ + (1−α)·g and g ← g + λ·μ, with μ [R, P]
/// starting at the first gradient and α, λ per run.
/// </summary>
sealed class StackedGrokfastEmaFilter(double[] alphas, double[] lambdas) : IStackedGradientTransform
{
    Tensor? _average, _alpha, _oneMinusAlpha, _lambda;

    public void Apply(FlatAdamW optimizer)
    {
        using var _ = no_grad();
        var gradients = optimizer.Gradients;
        Columns(gradients);
        _average ??= gradients.detach().clone().DetachFromDisposeScope();
        _average.mul_(_alpha!).addcmul_(gradients, _oneMinusAlpha!, 1);
        gradients.addcmul_(_average, _lambda!, 1);
    }

    public void Save(BinaryWriter writer, FlatAdamW optimizer, int run, IReadOnlyList<int> parameterOrder)
    {
        writer.Write(_average is not null);
        if (_average is not null) StackedGradientTransforms.WriteRun(writer, optimizer, _average, run, parameterOrder);
    }

    public void Load(BinaryReader reader, FlatAdamW optimizer, int run, IReadOnlyList<int> parameterOrder)
    {
        if (!reader.ReadBoolean()) return;
        _average ??= zeros_like(optimizer.Gradients).DetachFromDisposeScope();
        StackedGradientTransforms.ReadRun(reader, optimizer, _average, run, parameterOrder);
    }

    void Columns(Tensor like)
    {
        _alpha ??= StackedGradientTransforms.Column(alphas, like).DetachFromDisposeScope();
        _oneMinusAlpha ??= StackedGradientTransforms.Column(alphas.Select(a => 1 - a), like).DetachFromDisposeScope();
        _lambda ??= StackedGradientTransforms.Column(lambdas, like).DetachFromDisposeScope();
    }

    public void Dispose()
    {
        foreach (var tensor in new[] { _average, _alpha, _oneMinusAlpha, _lambda }) tensor?.Dispose();
    }
}
