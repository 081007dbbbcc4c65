using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Contracts;

/// <summary>
/// The element-wise nonlinearities the built-in architectures accept by name, shared so that "gelu"
/// means the same thing in every plugin. "quadratic" is x², the activation of Gromov 2023
/// ("Grokking modular arithmetic", arXiv:2301.02679), whose solution is known in closed form.
/// </summary>
public static class Activations
{
    public static IReadOnlyList<string> Names { get; } = ["relu", "gelu", "quadratic"];

    /// <summary>Throws when <paramref name="name"/> is not one of <see cref="Names"/>.</summary>
    public static void Validate(string name)
    {
        if (!Names.Contains(name))
            throw new ArgumentException($"Unknown activation '{name}'; known: {string.Join(", ", Names)}.");
    }

    /// <summary>Applies the activation; the input is left to the caller to dispose.</summary>
    public static Tensor Apply(string name, Tensor input) => name switch
    {
        "relu" => nn.functional.relu(input),
        "gelu" => nn.functional.gelu(input),
        "quadratic" => input.square(),
        _ => throw new ArgumentException($"Unknown activation '{name}'; known: {string.Join(", ", Names)}."),
    };
}
