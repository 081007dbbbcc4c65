using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Transformer;

/// <summary>
/// Multi-head self-attention with a causal mask and no biases: one fused projection to queries, keys and
/// values (rows ordered [q|k|v], each split into heads of Width / Heads), scaled dot-product attention,
/// and an output projection, as in the PyTorch reference of Nanda et al.'s model. Inputs are
/// [..., positions, width]: [N, L, d] alone, [R, N, L, d] stacked, where every (run, example) attends on its own.
/// </summary>
public sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> qkv;
    private readonly nn.Module<Tensor, Tensor> output;
    private readonly int heads;

    public CausalSelfAttention(int width, int heads) : this(width, heads, TransformerLayers.Alone)
    {
    }

    internal CausalSelfAttention(int width, int heads, TransformerLayers layers) : base(nameof(CausalSelfAttention))
    {
        this.heads = heads;
        qkv = layers.Linear(width, 3 * width, hasBias: false);
        output = layers.Linear(width, width, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var (t, d) = (x.shape[^2], x.shape[^1]);
        using var projected = qkv.call(x);
        using var perHead = projected.view(-1, t, 3, heads, d / heads);
        using var split = perHead.permute(2, 0, 3, 1, 4);
        using var q = split[0];
        using var k = split[1];
        using var v = split[2];
        using var attended = Attend(q, k, v);
        using var positionsFirst = attended.transpose(1, 2);
        using var merged = positionsFirst.reshape(x.shape);
        return output.call(merged);
    }

    /// <summary>
    /// The attention weights of <paramref name="x"/> [N, L, d] (the sublayer's input) as [N, heads, L, L]: softmax of
    /// q·kᵀ/√(d/heads) over the keys up to each query, what the fused kernel of <see cref="forward"/> computes inside.
    /// </summary>
    internal Tensor Weights(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (t, d) = (x.shape[^2], x.shape[^1]);
        var split = qkv.call(x).view(-1, t, 3, heads, d / heads).permute(2, 0, 3, 1, 4);
        var scores = split[0].matmul(split[1].transpose(-2, -1)).div(Math.Sqrt(d / heads));
        var future = ones(t, t, ScalarType.Bool, x.device).triu(1);
        return scores.masked_fill(future, double.NegativeInfinity).softmax(-1).MoveToOuterDisposeScope();
    }

    // CUDA's memory-efficient and flash attention kernels fail ("invalid configuration argument") from 65,536
    // sequences in one call (pytorch/pytorch#146704), which stacked runs reach (R · N); sequences are independent, so
    // longer batches are attended in chunks with the same result.
    const int MaxSequencesPerCall = 65_535;

    static Tensor Attend(Tensor q, Tensor k, Tensor v)
    {
        // TorchSharp 0.107 spells the flag "is_casual".
        var sequences = q.shape[0];
        if (sequences <= MaxSequencesPerCall) return nn.functional.scaled_dot_product_attention(q, k, v, is_casual: true);
        using var scope = NewDisposeScope();
        var chunks = new List<Tensor>();
        for (long start = 0; start < sequences; start += MaxSequencesPerCall)
        {
            var length = Math.Min(MaxSequencesPerCall, sequences - start);
            chunks.Add(nn.functional.scaled_dot_product_attention(q.narrow(0, start, length), k.narrow(0, start, length), v.narrow(0, start, length), is_casual: true));
        }
        return cat(chunks, 0).MoveToOuterDisposeScope();
    }
}
