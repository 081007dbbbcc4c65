using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>Finds a model's parameters and evaluates it the way measures need.</summary>
static class ModelParameters
{
    public static IReadOnlyList<(string Name, Tensor Value)> Named(nn.Module model) =>
        [.. model.named_parameters().Select(p => (p.name, (Tensor)p.parameter))];

    public static Tensor Find(nn.Module model, string name) =>
        Named(model).FirstOrDefault(p => p.Name == name).Value
        ?? throw new ArgumentException(
            $"The model has no parameter '{name}'; it has: {string.Join(", ", Named(model).Select(p => p.Name))}.");

    /// <summary>The first 2-D parameter whose first dimension is the vocabulary size or the modulus.</summary>
    public static (string Name, Tensor Value)? Embedding(nn.Module model, int modulus, int vocabularySize) =>
        Named(model).Where(p => p.Value.dim() == 2 && (p.Value.shape[0] == vocabularySize || p.Value.shape[0] == modulus))
            .Select(p => ((string, Tensor)?)p).FirstOrDefault();

    /// <summary>The last 2-D parameter with a dimension equal to the class count (the output layer's weight).</summary>
    public static (string Name, Tensor Value)? Unembedding(nn.Module model, int classCount) =>
        Named(model).Where(p => p.Value.dim() == 2 && (p.Value.shape[0] == classCount || p.Value.shape[1] == classCount))
            .Select(p => ((string, Tensor)?)p).LastOrDefault();

    /// <summary>
    /// A weight matrix as signals over Z_p, [p, m]: its first axis if that has at least p entries and
    /// equals the modulus or vocabulary size, else its second; the first p entries of that axis are the residues.
    /// </summary>
    public static Tensor Signals(Tensor weight, int modulus, int vocabularySize)
    {
        if (weight.dim() != 2) throw new ArgumentException($"A Fourier analysis needs a 2-D weight, not shape [{string.Join(", ", weight.shape)}].");
        bool IsResidueAxis(long size) => size == modulus || (size == vocabularySize && size >= modulus);
        if (IsResidueAxis(weight.shape[0])) return weight.detach().narrow(0, 0, modulus);
        if (IsResidueAxis(weight.shape[1])) return weight.detach().t().narrow(0, 0, modulus);
        throw new ArgumentException(
            $"A weight of shape [{string.Join(", ", weight.shape)}] has no axis of size {modulus} (the modulus) or {vocabularySize} (the vocabulary).");
    }

    public static Device DeviceOf(nn.Module model) =>
        model.parameters().FirstOrDefault()?.device ?? CPU;

    /// <summary>The model's output in eval mode (no dropout), restoring its mode afterwards.</summary>
    public static Tensor Evaluate(nn.Module<Tensor, Tensor> model, Tensor inputs)
    {
        using var _ = no_grad();
        var wasTraining = model.training;
        model.eval();
        try
        {
            return model.forward(inputs);
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }
}
