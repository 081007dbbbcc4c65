using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Contracts;

/// <summary>
/// The two scale knobs every built-in architecture offers, in one place so that plugins apply them
/// the same way. InitScale is Omnigrok's α (Liu, Michaud and Tegmark 2023, arXiv:2210.01117, the
/// MNIST notebook): every initial parameter is multiplied by α, which moves the model out of the
/// "Goldilocks zone" of weight norms and makes grokking appear on ordinary data. OutputScale
/// multiplies the logits (the logit multiplier of Prieto et al. 2025, arXiv:2501.04697, and the
/// output scale of lazy/rich studies).
/// </summary>
public static class ModelScaling
{
    /// <summary>Throws when a scale is not a positive finite number, naming the option.</summary>
    public static void Validate(double initScale, double outputScale)
    {
        if (!(double.IsFinite(initScale) && initScale > 0))
            throw new ArgumentException($"InitScale must be a positive finite number, not {initScale}.");
        if (!(double.IsFinite(outputScale) && outputScale > 0))
            throw new ArgumentException($"OutputScale must be a positive finite number, not {outputScale}.");
    }

    /// <summary>
    /// Multiplies every parameter of a freshly built model by <paramref name="initScale"/> in place.
    /// Buffers (fixed positional encodings, for example) are not parameters and are left alone.
    /// </summary>
    public static void ScaleInitialParameters(nn.Module module, double initScale)
    {
        Validate(initScale, 1);
        if (initScale == 1) return;
        using var noGrad = no_grad();
        foreach (var parameter in module.parameters())
            parameter.mul_(initScale);
    }

    /// <summary>
    /// The logits multiplied by <paramref name="outputScale"/>. Returns the same tensor when the
    /// scale is 1; otherwise a new one, and the input is disposed (out of place, so any autograd
    /// node that saved its output stays valid).
    /// </summary>
    public static Tensor ScaleLogits(Tensor logits, double outputScale)
    {
        if (outputScale == 1) return logits;
        var scaled = logits.mul(outputScale);
        logits.Dispose();
        return scaled;
    }
}
