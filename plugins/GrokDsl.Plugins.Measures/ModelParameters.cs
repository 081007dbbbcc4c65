using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>Finds a model's parameters and evaluates it the way measures need.</summary>
public static class ModelParameters
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

    /// <summary>
    /// The operands' embeddings as signals over Z_p, [p, m]. For token inputs, the named parameter or else
    /// <see cref="Embedding"/>. For one-hot inputs (<see cref="ModularTask.IsOneHot"/>) the first layer's weight
    /// [n, 2p] (the named one or else the first 2-D parameter 2p wide) serves as the embedding: its blocks [n, p]
    /// for a and for b, side by side, so m = 2n and every neuron contributes one signal per operand (Gromov 2023, §3).
    /// </summary>
    public static Tensor EmbeddingSignals(nn.Module model, ModularTask task, int vocabularySize, string? parameterName)
    {
        var p = task.Modulus;
        if (!task.IsOneHot)
        {
            var embedding = parameterName is { } name
                ? Find(model, name)
                : Embedding(model, p, vocabularySize)?.Value
                  ?? throw new ArgumentException("The model has no embedding (a 2-D parameter whose first dimension is the vocabulary); name it.");
            return Signals(embedding, p, vocabularySize);
        }
        var first = parameterName is { } firstName
            ? Find(model, firstName)
            : Named(model).FirstOrDefault(n => n.Value.dim() == 2 && n.Value.shape[1] == 2 * p).Value
              ?? throw new ArgumentException($"The model has no first-layer weight [n, {2 * p}] for its one-hot inputs; name it.");
        if (first.dim() != 2 || first.shape[1] != 2 * p)
            throw new ArgumentException($"A one-hot model's first-layer weight is [n, {2 * p}], not [{string.Join(", ", first.shape)}].");
        var weight = first.detach();
        return cat([weight.narrow(1, 0, p).t(), weight.narrow(1, p, p).t()], 1);
    }

    /// <summary>
    /// The neuron-to-logit map W_L = W_U·W_out [classes, neurons] of Nanda et al. 2023 (§4.1): the unembedding times
    /// the MLP's output weight. <paramref name="neuronOutputName"/> names W_out; null takes the last parameter whose
    /// name ends in "mlpOut.weight" (the transformer's), and a model without one (an MLP, whose output layer reads the
    /// neurons directly) has W_L = W_U.
    /// </summary>
    public static Tensor NeuronLogitMap(nn.Module model, Tensor unembedding, string? neuronOutputName)
    {
        var output = neuronOutputName is { } name
            ? Find(model, name)
            : Named(model).LastOrDefault(n => n.Name.EndsWith("mlpOut.weight", StringComparison.Ordinal) && n.Value.dim() == 2).Value;
        if (output is null) return unembedding.detach();
        if (output.dim() != 2 || output.shape[0] != unembedding.shape[1])
            throw new ArgumentException(
                $"W_U [{string.Join(", ", unembedding.shape)}] and W_out [{string.Join(", ", output.shape)}] do not multiply to a neuron-to-logit map.");
        return unembedding.detach().matmul(output.detach());
    }

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
    public static Tensor Evaluate(nn.Module<Tensor, Tensor> model, Tensor inputs) => InEvalMode(model, () => model.forward(inputs));

    /// <summary>What <paramref name="read"/> returns with the model in eval mode and no gradients, its mode restored afterwards.</summary>
    public static T InEvalMode<T>(nn.Module model, Func<T> read)
    {
        using var _ = no_grad();
        var wasTraining = model.training;
        model.eval();
        try
        {
            return read();
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }
}
