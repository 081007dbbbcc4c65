using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// Key frequencies found by one of the rules below, each with a score: for neuron rules the fraction
/// of counted neurons whose best frequency it is, for the logit rule its share of the centred-logit energy.
/// </summary>
public sealed record KeyFrequencySet(IReadOnlyList<int> Frequencies, IReadOnlyDictionary<int, double> Scores, int NeuronCount)
{
    public static KeyFrequencySet Fixed(IEnumerable<int> frequencies)
    {
        var distinct = frequencies.Distinct().Order().ToArray();
        return new(distinct, distinct.ToDictionary(k => k, _ => double.NaN), 0);
    }

    internal static KeyFrequencySet FromNeurons(IReadOnlyList<(int Frequency, double Fraction)> best, double minimumFraction)
    {
        var counted = best.Where(n => n.Frequency > 0 && n.Fraction >= minimumFraction).ToArray();
        var scores = counted.GroupBy(n => n.Frequency).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => (double)g.Count() / counted.Length);
        return new([.. scores.Keys], scores, counted.Length);
    }
}

/// <summary>The rules that find key frequencies (see <see cref="KeyFrequencySource"/>).</summary>
public static class KeyFrequencies
{
    /// <summary>
    /// One-dimensional neuron rule on signals [p, m] (<see cref="KeyFrequencySource.Weights"/>): every column
    /// is a neuron, its best frequency the k whose {cos k, sin k} pair explains most of its centred variance.
    /// </summary>
    public static KeyFrequencySet FromSignals(Tensor signals, double minimumNeuronFraction = 0) =>
        KeyFrequencySet.FromNeurons(FourierSpectrum.BestFrequencies(signals), minimumNeuronFraction);

    /// <summary>
    /// Nanda et al.'s <c>calculate_key_freqs</c> (<see cref="KeyFrequencySource.Activations"/>) on activations
    /// [p², n] over the grid (row a·p + b): centre each neuron over the p² inputs, take its 2-D transform
    /// F = B·A·Bᵀ in <see cref="FourierBasis"/>, and give it the k ≥ 1 whose 3×3 block {1, cos k, sin k}²
    /// holds the largest fraction of ‖F‖². Nanda's loop runs k over [1, p//2), leaving out the top
    /// frequency; this one runs over [1, ⌊p/2⌋]. Blocks overlap in the constant row and column, as in his code.
    /// </summary>
    public static KeyFrequencySet FromGridActivations(Tensor activations, int p, double minimumNeuronFraction = 0)
    {
        using var scope = NewDisposeScope();
        var n = (int)activations.shape[1];
        var centred = activations.to_type(ScalarType.Float64) - activations.to_type(ScalarType.Float64).mean([0], keepdim: true);
        var perNeuron = centred.t().reshape(n, p, p);
        var basis = FourierBasis.Tensor(p, activations.device);
        var squared = basis.matmul(perNeuron).matmul(basis.t()).square();
        var total = squared.sum([1, 2]).cpu().data<double>().ToArray();

        var fractions = new double[FourierBasis.FrequencyCount(p) + 1][];
        for (var k = 1; k <= FourierBasis.FrequencyCount(p); k++)
        {
            var rows = BlockRows(p, k);
            var index = tensor(rows, device: activations.device);
            var block = squared.index_select(1, index).index_select(2, index).sum([1, 2]).cpu().data<double>().ToArray();
            fractions[k] = [.. block.Select((e, i) => total[i] > 0 ? e / total[i] : double.NaN)];
        }

        var best = new (int, double)[n];
        for (var i = 0; i < n; i++)
        {
            if (!(total[i] > 0)) { best[i] = (0, double.NaN); continue; }
            var (frequency, fraction) = (0, double.NegativeInfinity);
            for (var k = 1; k < fractions.Length; k++)
                if (fractions[k][i] > fraction) (frequency, fraction) = (k, fractions[k][i]);
            best[i] = (frequency, fraction);
        }
        return KeyFrequencySet.FromNeurons(best, minimumNeuronFraction);
    }

    /// <summary>
    /// The logit rule (<see cref="KeyFrequencySource.Logits"/>) on logits [p², C] over the grid: centre
    /// every class's logits over the p² inputs; frequency k is key when the unit directions
    /// cos(w_k(a + s·b)) and sin(w_k(a + s·b)), w_k = 2πk/p, hold at least <paramref name="minimumFraction"/>
    /// of the centred logits' squared norm. These are the directions the restricted and excluded losses
    /// keep and remove, so the rule picks the frequencies the logits actually use.
    /// </summary>
    public static KeyFrequencySet FromLogits(Tensor logits, int p, int sign, double minimumFraction)
    {
        using var scope = NewDisposeScope();
        var all = Enumerable.Range(1, FourierBasis.FrequencyCount(p)).ToArray();
        var x = logits.to_type(ScalarType.Float64);
        var centred = x - x.mean([0], keepdim: true);
        var total = centred.square().sum().item<double>();
        var (directions, owners) = TrigDirections.Create(p, all, sign, logits.device);
        var energy = directions.matmul(centred).square().sum(1).cpu().data<double>().ToArray();

        var perFrequency = new double[FourierBasis.FrequencyCount(p) + 1];
        for (var i = 0; i < owners.Length; i++) perFrequency[owners[i]] += energy[i];
        var scores = new SortedDictionary<int, double>();
        if (total > 0)
            foreach (var k in all)
                if (perFrequency[k] / total >= minimumFraction) scores[k] = perFrequency[k] / total;
        return new([.. scores.Keys], new Dictionary<int, double>(scores), 0);
    }

    static long[] BlockRows(int p, int k) =>
        FourierBasis.SinRow(p, k) < 0 ? [0, FourierBasis.CosRow(k)] : [0, FourierBasis.CosRow(k), FourierBasis.SinRow(p, k)];
}
