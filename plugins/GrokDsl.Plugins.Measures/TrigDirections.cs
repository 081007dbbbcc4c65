using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The directions of Nanda et al.'s restricted and excluded losses (arXiv:2301.05217, §5.1; code
/// <c>helpers.py::get_component_cos_xpy</c>, <c>get_component_sin_xpy</c>): in the space R^(p²) of
/// functions of the pair (a, b), the unit vectors along cos(w_k(a + s·b)) and sin(w_k(a + s·b)),
/// w_k = 2πk/p, s = +1 for a+b (Nanda's case) and −1 for a−b. For s = +1 these equal Nanda's
/// (cos a cos b − sin a sin b)/√2 and (sin a cos b + cos a sin b)/√2 built from his normalized 1-D basis.
/// Directions of different k are orthogonal, so projecting on their span is the sum of the projections.
/// </summary>
public static class TrigDirections
{
    /// <summary>
    /// Unit directions as rows of a float64 [d, p²] tensor, with the frequency of each row. The sine of
    /// k = p/2 (even p) vanishes and has no row.
    /// </summary>
    public static (Tensor Directions, int[] Frequencies) Create(int p, IReadOnlyList<int> frequencies, int sign, Device? device = null)
    {
        if (sign is not (1 or -1)) throw new ArgumentException("Trig directions need a+b (sign +1) or a−b (sign −1).", nameof(sign));
        var rows = new List<double[]>();
        var owners = new List<int>();
        foreach (var k in frequencies.Distinct())
        {
            if (k < 1 || k > FourierBasis.FrequencyCount(p))
                throw new ArgumentOutOfRangeException(nameof(frequencies), k, $"Frequencies lie in [1, {FourierBasis.FrequencyCount(p)}] for p = {p}.");
            foreach (var f in new Func<double, double>[] { Math.Cos, Math.Sin })
            {
                var v = new double[p * p];
                for (var a = 0; a < p; a++)
                    for (var b = 0; b < p; b++)
                        v[a * p + b] = f(2 * Math.PI * k * (((a + sign * b) % p + p) % p) / p);
                var norm = Math.Sqrt(v.Sum(x => x * x));
                if (norm < 1e-9) continue;
                for (var i = 0; i < v.Length; i++) v[i] /= norm;
                rows.Add(v);
                owners.Add(k);
            }
        }
        var flat = rows.SelectMany(r => r).ToArray();
        return (tensor(flat, [rows.Count, p * p], ScalarType.Float64, device), [.. owners]);
    }

    /// <summary>The part of logits [p², C] in the span of the key frequencies' directions (per class).</summary>
    public static Tensor Projection(Tensor logits, int p, IReadOnlyList<int> frequencies, int sign)
    {
        var x = logits.to_type(ScalarType.Float64);
        if (frequencies.Count == 0) return zeros_like(x);
        var (directions, _) = Create(p, frequencies, sign, logits.device);
        using (directions)
        using (var coordinates = directions.matmul(x))
            return directions.t().matmul(coordinates);
    }

    /// <summary>
    /// Restricted logits: the projection on the key directions plus, per class, the mean over the grid
    /// of (original − projection): Nanda's <c>test_logits(..., bias_correction=True)</c>.
    /// </summary>
    public static Tensor Restrict(Tensor logits, int p, IReadOnlyList<int> frequencies, int sign)
    {
        using var scope = NewDisposeScope();
        var x = logits.to_type(ScalarType.Float64);
        var projection = Projection(x, p, frequencies, sign);
        return (projection + (x - projection).mean([0], keepdim: true)).MoveToOuterDisposeScope();
    }

    /// <summary>Excluded logits: the original minus the projection on the key directions, with no bias correction.</summary>
    public static Tensor Exclude(Tensor logits, int p, IReadOnlyList<int> frequencies, int sign)
    {
        using var scope = NewDisposeScope();
        var x = logits.to_type(ScalarType.Float64);
        return (x - Projection(x, p, frequencies, sign)).MoveToOuterDisposeScope();
    }

    /// <summary>Mean cross-entropy in float64 of logits [N, C] on <paramref name="rows"/> of the grid.</summary>
    public static double CrossEntropy(Tensor logits, IReadOnlyList<long> labels, IReadOnlyList<long> rows)
    {
        if (rows.Count == 0) return double.NaN;
        using var scope = NewDisposeScope();
        var index = tensor(rows.ToArray(), device: logits.device);
        var targets = tensor(rows.Select(r => labels[(int)r]).ToArray(), device: logits.device);
        var selected = logits.to_type(ScalarType.Float64).index_select(0, index);
        return nn.functional.cross_entropy(selected, targets).item<double>();
    }
}
