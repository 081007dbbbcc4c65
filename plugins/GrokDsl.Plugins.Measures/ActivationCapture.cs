using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// Captures a submodule's output during one forward pass, through a forward hook. TorchSharp runs hooks
/// only when a module is invoked with <c>call()</c>; a model whose forward calls its submodules'
/// <c>forward()</c> directly bypasses them, which is reported as an error instead of a silent empty result.
/// </summary>
static class ActivationCapture
{
    /// <summary>The output of <paramref name="moduleName"/> on <paramref name="inputs"/>, as [N, features].</summary>
    public static Tensor Capture(nn.Module<Tensor, Tensor> model, string moduleName, Tensor inputs)
    {
        using var output = Output(model, moduleName, inputs);
        return output.dim() switch
        {
            2 => output.clone(),
            // Sequence outputs: the last position, as Nanda et al. read the MLP at the "=" token.
            3 => output.select(1, -1).clone(),
            _ => throw new InvalidOperationException(
                $"Module '{moduleName}' returned shape [{string.Join(", ", output.shape)}]; expected [N, features] or [N, positions, features]."),
        };
    }

    /// <summary>The output of <paramref name="moduleName"/> on <paramref name="inputs"/> as the module returns it (a block's [N, T, width]).</summary>
    public static Tensor Output(nn.Module<Tensor, Tensor> model, string moduleName, Tensor inputs)
    {
        var module = model.named_modules().FirstOrDefault(m => m.name == moduleName).module
            ?? throw new ArgumentException(
                $"The model has no module '{moduleName}'; it has: {string.Join(", ", model.named_modules().Select(m => m.name))}.");
        if (module is not nn.Module<Tensor, Tensor> typed)
            throw new ArgumentException($"Module '{moduleName}' does not map a tensor to a tensor.");

        Tensor? captured = null;
        var handle = typed.register_forward_hook((_, _, output) =>
        {
            // The model may dispose the output, or the dispose scope of its forward may, as soon as it
            // is used: keep a copy that belongs to no scope, and hand out a scoped copy below.
            captured?.Dispose();
            captured = output.detach().clone().DetachFromDisposeScope();
            return output;
        });
        try
        {
            using var _ = ModelParameters.Evaluate(model, inputs);
        }
        finally
        {
            handle.remove();
        }

        if (captured is null)
            throw new InvalidOperationException(
                $"Module '{moduleName}' produced no activations: the model calls it with forward(), which skips hooks. " +
                "For key frequencies, use source Logits or Weights with this model.");
        using (captured)
            return captured.clone();
    }
}
