using GrokDsl.Measures.Tests.Support;
using GrokDsl.Plugins.Measures;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

public sealed class KeyFrequencyTests
{
    static Tensor Grid(int p, params Func<int, int, double>[] neurons)
    {
        var values = new double[p * p * neurons.Length];
        for (var a = 0; a < p; a++)
            for (var b = 0; b < p; b++)
                for (var n = 0; n < neurons.Length; n++) values[(a * p + b) * neurons.Length + n] = neurons[n](a, b);
        return tensor(values, [p * p, neurons.Length], ScalarType.Float64);
    }

    [Fact]
    public void Activations_rule_gives_each_neuron_the_frequency_of_its_3x3_block()
    {
        const int p = 13;
        using var acts = Grid(p,
            (a, b) => Trig.Cos(2, a + b, p),
            (a, b) => Trig.Cos(5, a, p) + Trig.Cos(5, b, p) + 4,        // linear terms and a constant
            (a, b) => Trig.Cos(2, a, p) * Trig.Sin(2, b, p),
            (a, b) => 3 * Trig.Sin(6, a - b, p));                      // k = ⌊p/2⌋, which Nanda's loop skips

        var keys = KeyFrequencies.FromGridActivations(acts, p);

        Assert.Equal([2, 5, 6], keys.Frequencies);
        Assert.Equal(0.5, keys.Scores[2], 12);
        Assert.Equal(4, keys.NeuronCount);
    }

    [Fact]
    public void Activations_rule_can_leave_out_weakly_periodic_neurons()
    {
        const int p = 13;
        using var acts = Grid(p,
            (a, b) => Trig.Cos(2, a + b, p),
            (a, b) => Trig.Cos(1, a + b, p) + 0.9 * Trig.Cos(3, a + b, p) + 0.8 * Trig.Cos(4, a + b, p)); // best explains 1/2.45

        Assert.Equal([1, 2], KeyFrequencies.FromGridActivations(acts, p).Frequencies);
        Assert.Equal([2], KeyFrequencies.FromGridActivations(acts, p, minimumNeuronFraction: 0.5).Frequencies);
    }

    [Fact]
    public void Logits_rule_finds_the_frequencies_the_logits_are_built_from()
    {
        const int p = 23;
        var noise = new Random(3);
        using var logits = Grid(p, Enumerable.Range(0, p)
            .Select(c => (Func<int, int, double>)((a, b) =>
                4 * Trig.Cos(4, a + b - c, p) + 2 * Trig.Cos(9, a + b - c, p) + 0.05 * (noise.NextDouble() - 0.5) + c))
            .ToArray());

        var keys = KeyFrequencies.FromLogits(logits, p, sign: 1, minimumFraction: 0.05);

        Assert.Equal([4, 9], keys.Frequencies);
        Assert.Equal(0.8, keys.Scores[4], 3); // 16 : 4 energy split
        Assert.Equal(0.2, keys.Scores[9], 3);
    }

    [Fact]
    public void Logits_rule_with_the_wrong_operation_finds_nothing()
    {
        const int p = 23;
        using var logits = Grid(p, Enumerable.Range(0, p)
            .Select(c => (Func<int, int, double>)((a, b) => Trig.Cos(4, a + b - c, p))).ToArray());

        Assert.Empty(KeyFrequencies.FromLogits(logits, p, sign: -1, minimumFraction: 0.05).Frequencies);
    }
}
