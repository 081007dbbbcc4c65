using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Support;

/// <summary>
/// Gromov 2023's closed-form solution as a one-hot MLP with quadratic activation: for each key frequency k and each
/// pair of phases φ, ψ ∈ {0, π/2, π, 3π/2}, a neuron with input weights cos(w_k a + φ) on the a block and
/// cos(w_k b + ψ) on the b block, and output weights cos(w_k c + φ + ψ). Summed over the 16 phase pairs every term but
/// cos(w_k(a + b − c)) cancels, so logit(c) = scale · 4 · Σ_k cos(w_k(a + b − c)) exactly. Parameter and module names
/// are those of the built-in MLP ("hidden.weight", "activations.0", "output.weight").
/// </summary>
sealed class QuadraticCircuit : nn.Module<Tensor, Tensor>
{
    readonly TorchSharp.Modules.Linear hidden;
    readonly TorchSharp.Modules.ModuleList<ActivationLayer> activations = new(new ActivationLayer("quadratic"));
    readonly TorchSharp.Modules.Linear output;

    public QuadraticCircuit(int p, int[] frequencies, double scale = 1) : base(nameof(QuadraticCircuit))
    {
        var phases = new[] { 0, Math.PI / 2, Math.PI, 3 * Math.PI / 2 };
        var neurons = frequencies.SelectMany(k => phases.SelectMany(phi => phases.Select(psi => (k, phi, psi)))).ToArray();
        var input = new float[neurons.Length * 2 * p];
        var outputWeights = new float[p * neurons.Length];
        for (var i = 0; i < neurons.Length; i++)
        {
            var (k, phi, psi) = neurons[i];
            for (var x = 0; x < p; x++)
            {
                var w = 2 * Math.PI * k * x / p;
                input[i * 2 * p + x] = (float)Math.Cos(w + phi);
                input[i * 2 * p + p + x] = (float)Math.Cos(w + psi);
                outputWeights[x * neurons.Length + i] = (float)(scale * Math.Cos(w + phi + psi));
            }
        }
        hidden = nn.Linear(2 * p, neurons.Length, hasBias: false);
        output = nn.Linear(neurons.Length, p, hasBias: false);
        RegisterComponents();
        using var _ = no_grad();
        hidden.weight!.copy_(tensor(input, [neurons.Length, 2 * p]));
        output.weight!.copy_(tensor(outputWeights, [p, neurons.Length]));
    }

    public int NeuronCount => (int)hidden.weight!.shape[0];

    public override Tensor forward(Tensor input)
    {
        using var preActivation = hidden.call(input);
        using var neurons = activations[0].call(preActivation);
        return output.call(neurons);
    }
}
