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

    /// <param name="noiseNeurons">Extra neurons with random (seeded, flat-spectrum) input weights and output weights of
    /// size <paramref name="noiseOutput"/>: stand-ins for memorizing neurons, which leave the circuit's predictions intact.</param>
    public QuadraticCircuit(int p, int[] frequencies, double scale = 1, int noiseNeurons = 0, double noiseOutput = 1e-3) : base(nameof(QuadraticCircuit))
    {
        var phases = new[] { 0, Math.PI / 2, Math.PI, 3 * Math.PI / 2 };
        var neurons = frequencies.SelectMany(k => phases.SelectMany(phi => phases.Select(psi => (k, phi, psi)))).ToArray();
        var total = neurons.Length + noiseNeurons;
        var input = new float[total * 2 * p];
        var outputWeights = new float[p * total];
        var random = new Random(7);
        for (var i = neurons.Length; i < total; i++)
        {
            for (var x = 0; x < 2 * p; x++) input[i * 2 * p + x] = (float)(random.NextDouble() * 2 - 1);
            for (var c = 0; c < p; c++) outputWeights[c * total + i] = (float)(noiseOutput * (random.NextDouble() * 2 - 1));
        }
        for (var i = 0; i < neurons.Length; i++)
        {
            var (k, phi, psi) = neurons[i];
            for (var x = 0; x < p; x++)
            {
                var w = 2 * Math.PI * k * x / p;
                input[i * 2 * p + x] = (float)Math.Cos(w + phi);
                input[i * 2 * p + p + x] = (float)Math.Cos(w + psi);
                outputWeights[x * total + i] = (float)(scale * Math.Cos(w + phi + psi));
            }
        }
        hidden = nn.Linear(2 * p, total, hasBias: false);
        output = nn.Linear(total, p, hasBias: false);
        RegisterComponents();
        using var _ = no_grad();
        hidden.weight!.copy_(tensor(input, [total, 2 * p]));
        output.weight!.copy_(tensor(outputWeights, [p, total]));
    }

    public int NeuronCount => (int)hidden.weight!.shape[0];

    public override Tensor forward(Tensor input)
    {
        using var preActivation = hidden.call(input);
        using var neurons = activations[0].call(preActivation);
        return output.call(neurons);
    }
}
