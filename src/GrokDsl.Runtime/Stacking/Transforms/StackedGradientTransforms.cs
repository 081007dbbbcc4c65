using GrokDsl.Runtime.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking.Transforms;

/// <summary>The stacked counterparts of <see cref="GradientTransforms"/>, and what runs must share to use them together.</summary>
static class StackedGradientTransforms
{
    /// <summary>
    /// What must agree between runs of one stack: the filter's kind (and the moving average's window and warmup) and
    /// whether ⊥Grad applies. The strengths (λ, and the EMA's α) may differ per run.
    /// </summary>
    public static string StackingKey(OptimizerOptions options)
    {
        var filter = options.GradientFilter switch
        {
            null => "no filter",
            GrokfastEma => "grokfast-ema",
            GrokfastMa ma => $"grokfast-ma window {ma.Window} warmup {ma.Warmup}",
            var other => throw new ArgumentException($"Gradient filter {other.GetType().Name} is not supported."),
        };
        return options.PerpendicularGradient ? $"{filter}, ⊥grad" : filter;
    }

    /// <summary>The transforms of the runs' options, in the order <see cref="GradientTransforms.For"/> applies them.</summary>
    public static IReadOnlyList<IStackedGradientTransform> For(IReadOnlyList<RunSpec> runs)
    {
        var key = StackingKey(runs[0].Optimizer);
        if (runs.FirstOrDefault(r => StackingKey(r.Optimizer) != key) is { } other)
            throw new ArgumentException(
                $"Run {other.RunId} cannot join the stack of run {runs[0].RunId}: its gradient transforms ({StackingKey(other.Optimizer)}) are not {key}.");
        var options = runs.Select(r => r.Optimizer).ToList();
        var transforms = new List<IStackedGradientTransform>();
        switch (options[0].GradientFilter)
        {
            case GrokfastEma:
                var emas = options.Select(o => (GrokfastEma)o.GradientFilter!).ToList();
                transforms.Add(new StackedGrokfastEmaFilter([.. emas.Select(f => f.Alpha)], [.. emas.Select(f => f.Lambda)]));
                break;
            case GrokfastMa ma:
                transforms.Add(new StackedGrokfastMaFilter(ma.Window, [.. options.Select(o => o.GradientFilter!.Lambda)], ma.Warmup));
                break;
        }
        if (options[0].PerpendicularGradient) transforms.Add(new StackedPerpendicularGradient());
        return transforms;
    }

    /// <summary>Writes run r's part of an [R, P] state buffer as its lone transform writes its per-parameter tensors.</summary>
    public static void WriteRun(BinaryWriter writer, FlatAdamW optimizer, Tensor buffer, int run, IReadOnlyList<int> parameterOrder)
    {
        foreach (var parameter in parameterOrder)
        {
            using var view = optimizer.RunView(buffer, run, parameter);
            view.Save(writer);
        }
    }

    /// <summary>Reads what <see cref="WriteRun"/> (or the lone transform) wrote into run r's part of an [R, P] state buffer.</summary>
    public static void ReadRun(BinaryReader reader, FlatAdamW optimizer, Tensor buffer, int run, IReadOnlyList<int> parameterOrder)
    {
        using var _ = no_grad();
        foreach (var parameter in parameterOrder)
        {
            using var view = optimizer.RunView(buffer, run, parameter);
            using var loaded = zeros_like(view);
            loaded.Load(reader);
            view.copy_(loaded);
        }
    }

    /// <summary>Per-run values as an [R, 1] column beside <paramref name="like"/>, to scale its rows.</summary>
    public static Tensor Column(IEnumerable<double> values, Tensor like)
    {
        double[] array = [.. values];
        return tensor(array, [array.Length, 1], like.dtype, like.device);
    }
}
