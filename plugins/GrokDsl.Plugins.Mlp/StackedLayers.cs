using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Mlp;

// The layers of EmbeddingMlp with a leading run dimension R on every parameter. Parameters start at zero:
// the host copies each run's initial values in (see IStackableModelProvider).

/// <summary>R Linear layers at once: [R, N, in] → [R, N, out], weight [R, out, in], bias [R, out].</summary>
sealed class StackedLinear : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;
    readonly Parameter? bias;

    public StackedLinear(int runs, int inputWidth, int outputWidth, bool hasBias) : base(nameof(StackedLinear))
    {
        weight = new Parameter(zeros(runs, outputWidth, inputWidth));
        register_parameter(nameof(weight), weight);
        if (!hasBias) return;
        bias = new Parameter(zeros(runs, outputWidth));
        register_parameter(nameof(bias), bias);
    }

    public override Tensor forward(Tensor input)
    {
        using var transposed = weight.transpose(1, 2);
        var product = input.bmm(transposed);
        if (bias is null) return product;
        using var rowBias = bias.unsqueeze(1);
        return product.add_(rowBias);
    }
}

/// <summary>R embeddings at once: token ids [R, N, L] → [R, N, L, width], weight [R, vocabulary, width].</summary>
sealed class StackedEmbedding : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;

    public StackedEmbedding(int runs, int vocabularySize, int width) : base(nameof(StackedEmbedding))
    {
        weight = new Parameter(zeros(runs, vocabularySize, width));
        register_parameter(nameof(weight), weight);
    }

    // Run r's token t is row r·V + t of the runs' tables laid end to end: one index_select, whose backward is
    // one index_add, instead of advanced indexing's accumulate-put.
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var (runs, vocabulary) = (weight.shape[0], weight.shape[1]);
        var offsets = arange(runs, dtype: ScalarType.Int64, device: weight.device).mul_(vocabulary).view(-1, 1, 1);
        var rows = input.add(offsets).flatten();
        var table = weight.reshape(runs * vocabulary, weight.shape[2]);
        var shape = input.shape.Append(weight.shape[2]).ToArray();
        return table.index_select(0, rows).view(shape).MoveToOuterDisposeScope();
    }
}

/// <summary>R LayerNorms at once over the last dimension, weight and bias [R, width].</summary>
sealed class StackedLayerNorm : nn.Module<Tensor, Tensor>
{
    const double Epsilon = 1e-5; // TorchSharp's nn.LayerNorm default, which EmbeddingMlp uses
    readonly Parameter weight;
    readonly Parameter bias;
    readonly long width;

    public StackedLayerNorm(int runs, int width) : base(nameof(StackedLayerNorm))
    {
        this.width = width;
        weight = new Parameter(ones(runs, width));
        bias = new Parameter(zeros(runs, width));
        register_parameter(nameof(weight), weight);
        register_parameter(nameof(bias), bias);
    }

    public override Tensor forward(Tensor input)
    {
        using var normalized = nn.functional.layer_norm(input, [width], eps: Epsilon);
        using var scale = weight.unsqueeze(1);
        using var shift = bias.unsqueeze(1);
        return normalized.mul(scale).add_(shift);
    }
}
