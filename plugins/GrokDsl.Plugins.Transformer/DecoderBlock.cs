using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Transformer;

/// <summary>
/// One residual block: causal self-attention, then an MLP (Linear → activation → Linear). LayerNorm is
/// absent ("none"), applied to each sublayer's input ("pre") or to each residual sum ("post"). The MLP's
/// neurons are the output of the parameter-free module "mlpActivation" (for example
/// "blocks.0.mlpActivation"), which measures can hook; submodules are invoked with call() for that reason.
/// Inputs are [..., positions, width], so the same block serves a run alone and R runs stacked.
/// </summary>
public sealed class DecoderBlock : nn.Module<Tensor, Tensor>
{
    private readonly CausalSelfAttention attention;
    private readonly nn.Module<Tensor, Tensor> mlpIn;
    private readonly ActivationLayer mlpActivation;
    private readonly nn.Module<Tensor, Tensor> mlpOut;
    private readonly nn.Module<Tensor, Tensor>? attentionNorm;
    private readonly nn.Module<Tensor, Tensor>? mlpNorm;

    private readonly string layerNorm;

    public DecoderBlock(GrokDsl.Transformer options) : this(options, TransformerLayers.Alone)
    {
    }

    internal DecoderBlock(GrokDsl.Transformer options, TransformerLayers layers) : base(nameof(DecoderBlock))
    {
        layerNorm = options.LayerNorm;
        attention = new CausalSelfAttention(options.Width, options.Heads, layers);
        mlpIn = layers.Linear(options.Width, options.MlpWidth, hasBias: options.MlpBias);
        mlpActivation = new ActivationLayer(options.Activation);
        mlpOut = layers.Linear(options.MlpWidth, options.Width, hasBias: options.MlpBias);
        if (layerNorm != "none")
        {
            attentionNorm = layers.LayerNorm(options.Width);
            mlpNorm = layers.LayerNorm(options.Width);
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var attended = Sublayer(attention.call, attentionNorm, x);
        return Sublayer(Mlp, mlpNorm, attended);
    }

    /// <summary>The attention weights of this block on its input stream <paramref name="x"/>, [N, heads, L, L].</summary>
    internal Tensor AttentionWeights(Tensor x)
    {
        if (layerNorm != "pre") return attention.Weights(x);
        using var normalized = attentionNorm!.call(x);
        return attention.Weights(normalized);
    }

    // x + f(x), with LayerNorm where the configuration puts it; returns a new tensor.
    Tensor Sublayer(Func<Tensor, Tensor> f, nn.Module<Tensor, Tensor>? norm, Tensor x)
    {
        switch (layerNorm)
        {
            case "pre":
            {
                using var normalized = norm!.call(x);
                using var update = f(normalized);
                return x.add(update);
            }
            case "post":
            {
                using var update = f(x);
                using var sum = x.add(update);
                return norm!.call(sum);
            }
            default:
            {
                using var update = f(x);
                return x.add(update);
            }
        }
    }

    Tensor Mlp(Tensor x)
    {
        using var pre = mlpIn.call(x);
        using var post = mlpActivation.call(pre);
        return mlpOut.call(post);
    }
}
