using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Contracts;

// Layers with a leading run dimension R on every parameter, for stacked models (IStackableModelProvider); shared so
// that every built-in stacked architecture batches the same way. Inputs are [R, ..., width]: the middle dimensions
// (examples, positions) are any number. Parameters start at zero (LayerNorm: one and zero): the host copies each
// run's initial values in.

/// <summary>R Linear layers at once: [R, ..., in] → [R, ..., out], weight [R, out, in], bias [R, out].</summary>
public sealed class StackedLinear : nn.Module<Tensor, Tensor>
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
        using var scope = NewDisposeScope();
        var (runs, outputWidth) = (weight.shape[0], weight.shape[1]);
        var rows = input.reshape(runs, -1, weight.shape[2]);
        var product = rows.bmm(weight.transpose(1, 2));
        if (bias is not null) product.add_(bias.unsqueeze(1));
        var shape = input.shape[..^1].Append(outputWidth).ToArray();
        return product.view(shape).MoveToOuterDisposeScope();
    }
}

/// <summary>R embeddings at once: token ids [R, ...] → [R, ..., width], weight [R, vocabulary, width].</summary>
public sealed class StackedEmbedding : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;

    public StackedEmbedding(int runs, int vocabularySize, int width) : base(nameof(StackedEmbedding))
    {
        weight = new Parameter(zeros(runs, vocabularySize, width));
        register_parameter(nameof(weight), weight);
    }

    public override Tensor forward(Tensor input) => Lookup(weight, input);

    /// <summary>
    /// Rows of R tables [R, vocabulary, width] for token ids [R, ...]: run r reads its own table. For models whose
    /// embedding is a bare parameter rather than a module.
    /// </summary>
    public static Tensor Lookup(Tensor tables, Tensor ids)
    {
        // Run r's token t is row r·V + t of the tables laid end to end: one index_select, whose backward is one
        // index_add, instead of advanced indexing's accumulate-put.
        using var scope = NewDisposeScope();
        var (runs, vocabulary, width) = (tables.shape[0], tables.shape[1], tables.shape[2]);
        var offsets = arange(runs, dtype: ScalarType.Int64, device: tables.device).mul_(vocabulary).view(PerRunShape(runs, ids.dim()));
        var rows = ids.add(offsets).flatten();
        var table = tables.reshape(runs * vocabulary, width);
        var shape = ids.shape.Append(width).ToArray();
        return table.index_select(0, rows).view(shape).MoveToOuterDisposeScope();
    }

    // [R, 1, ..., 1] with as many dimensions as the ids, so that run r's offset reaches all of its ids.
    static long[] PerRunShape(long runs, long dimensions) => [runs, .. Enumerable.Repeat(1L, (int)dimensions - 1)];
}

/// <summary>R LayerNorms at once over the last dimension, weight and bias [R, width].</summary>
public sealed class StackedLayerNorm : nn.Module<Tensor, Tensor>
{
    const double Epsilon = 1e-5; // TorchSharp's nn.LayerNorm default, which the lone models use
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
        using var scope = NewDisposeScope();
        // [R, 1, ..., 1, width], so that run r's scale and shift reach every row of its slice.
        long[] perRun = [weight.shape[0], .. Enumerable.Repeat(1L, (int)input.dim() - 2), width];
        var normalized = nn.functional.layer_norm(input, [width], eps: Epsilon);
        return normalized.mul(weight.view(perRun)).add_(bias.view(perRun)).MoveToOuterDisposeScope();
    }
}
