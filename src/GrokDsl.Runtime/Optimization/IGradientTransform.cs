using TorchSharp.Modules;

namespace GrokDsl.Runtime.Optimization;

/// <summary>
/// Rewrites gradients between backward and the optimizer step (Grokfast filters, ⊥Grad). Its state
/// is part of a checkpoint, so a resumed run filters exactly as the uninterrupted one would.
/// </summary>
public interface IGradientTransform : IDisposable
{
    void Apply(IReadOnlyList<Parameter> parameters);

    void Save(BinaryWriter writer);

    void Load(BinaryReader reader, IReadOnlyList<Parameter> parameters);
}

public static class GradientTransforms
{
    /// <summary>The transforms an optimizer's options ask for, in the order they apply: filter first, then ⊥Grad.</summary>
    public static IReadOnlyList<IGradientTransform> For(OptimizerOptions options)
    {
        var transforms = new List<IGradientTransform>();
        switch (options.GradientFilter)
        {
            case GrokfastEma ema: transforms.Add(new GrokfastEmaFilter(ema.Alpha, ema.Lambda)); break;
            case GrokfastMa ma: transforms.Add(new GrokfastMaFilter(ma.Window, ma.Lambda, ma.Warmup)); break;
        }
        if (options.PerpendicularGradient) transforms.Add(new PerpendicularGradient());
        return transforms;
    }
}
