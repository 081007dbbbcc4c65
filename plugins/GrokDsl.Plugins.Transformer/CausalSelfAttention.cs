using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Transformer;

/// <summary>
/// Multi-head self-attention with a causal mask and no biases: one fused projection to queries, keys and
/// values (rows ordered [q|k|v], each split into heads of Width / Heads), scaled dot-product attention,
/// and an output projection, as in the PyTorch reference of Nanda et al.'s model.
/// </summary>
public sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly Linear qkv;
    private readonly Linear output;
    private readonly int heads;

    public CausalSelfAttention(int width, int heads) : base(nameof(CausalSelfAttention))
    {
        this.heads = heads;
        qkv = nn.Linear(width, 3 * width, hasBias: false);
        output = nn.Linear(width, width, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var (n, t, d) = (x.shape[0], x.shape[1], x.shape[2]);
        using var projected = qkv.call(x);
        using var perHead = projected.view(n, t, 3, heads, d / heads);
        using var split = perHead.permute(2, 0, 3, 1, 4);
        using var q = split[0];
        using var k = split[1];
        using var v = split[2];
        // TorchSharp 0.107 spells the flag "is_casual".
        using var attended = nn.functional.scaled_dot_product_attention(q, k, v, is_casual: true);
        using var positionsFirst = attended.transpose(1, 2);
        using var merged = positionsFirst.reshape(n, t, d);
        return output.call(merged);
    }
}
