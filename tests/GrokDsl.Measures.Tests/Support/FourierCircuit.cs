using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Support;

/// <summary>
/// The modular-addition algorithm of Nanda et al., written out: the embedding holds cos(w_k a) and
/// sin(w_k a) for the key frequencies, the "neurons" are cos(w_k(a+b)) and sin(w_k(a+b)) by the angle-sum
/// identities, and the unembedding reads them against cos(w_k c) and sin(w_k c), so that
/// logit(c) = scale · Σ_k cos(w_k(a + b − c)). Reads tokens 0 and 1 and ignores the rest.
/// </summary>
sealed class FourierCircuit : nn.Module<Tensor, Tensor>
{
    readonly TorchSharp.Modules.Parameter embedding;
    readonly nn.Module<Tensor, Tensor> neurons;
    readonly TorchSharp.Modules.Parameter unembedding;
    readonly int[] _frequencies;
    readonly double _scale;
    readonly bool _hooksFire;

    /// <param name="hooksFire">Call the neuron module through call() (hooks fire) or forward() (they do not).</param>
    public FourierCircuit(int p, int vocabulary, int[] frequencies, double scale, bool hooksFire = true) : base(nameof(FourierCircuit))
    {
        _frequencies = frequencies;
        _scale = scale;
        _hooksFire = hooksFire;
        embedding = new TorchSharp.Modules.Parameter(Table(vocabulary, p, frequencies), requires_grad: false);
        neurons = nn.Identity();
        unembedding = new TorchSharp.Modules.Parameter(Table(p, p, frequencies), requires_grad: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var ea = embedding.index_select(0, tokens.select(1, 0));
        var eb = embedding.index_select(0, tokens.select(1, 1));
        var features = new List<Tensor>();
        for (var i = 0; i < _frequencies.Length; i++)
        {
            var (cosA, sinA, cosB, sinB) = (ea[.., 2 * i], ea[.., 2 * i + 1], eb[.., 2 * i], eb[.., 2 * i + 1]);
            features.Add(cosA * cosB - sinA * sinB);
            features.Add(sinA * cosB + cosA * sinB);
        }
        var stacked = stack(features, 1);
        var hidden = _hooksFire ? neurons.call(stacked) : neurons.forward(stacked);
        return (hidden.matmul(unembedding.t()) * _scale).MoveToOuterDisposeScope();
    }

    // Row x: cos(w_k x), sin(w_k x) for each k; rows beyond p (an "=" token) are zero.
    static Tensor Table(int rows, int p, int[] frequencies)
    {
        var values = new float[rows * 2 * frequencies.Length];
        for (var x = 0; x < Math.Min(rows, p); x++)
            for (var i = 0; i < frequencies.Length; i++)
            {
                values[x * 2 * frequencies.Length + 2 * i] = (float)Trig.Cos(frequencies[i], x, p);
                values[x * 2 * frequencies.Length + 2 * i + 1] = (float)Trig.Sin(frequencies[i], x, p);
            }
        return tensor(values, [rows, 2 * frequencies.Length]);
    }
}
