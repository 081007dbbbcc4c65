using GrokDsl.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.SamplePlugin;

/// <summary>Options of "sample-mlp".</summary>
public sealed record EmbeddingMlpOptions
{
    public int EmbeddingWidth { get; init; } = 32;
    public int HiddenWidth { get; init; } = 128;
}

/// <summary>Model "sample-mlp": embed each token, concatenate, one ReLU hidden layer, logits.</summary>
public sealed class EmbeddingMlpModel : IModelProvider
{
    public string Id => "sample-mlp";

    public nn.Module<Tensor, Tensor> Create(ComponentOptions options, ModelContext context)
    {
        var o = options.Bind<EmbeddingMlpOptions>();
        if (!context.Shape.IsTokens) throw new ArgumentException("sample-mlp needs a dataset with token inputs.");
        if (o.EmbeddingWidth <= 0 || o.HiddenWidth <= 0) throw new ArgumentException("sample-mlp widths must be positive.");
        var model = new EmbeddingMlp(context.Shape, o);
        return context.DType == ScalarType.Float32 ? model : model.to(context.DType);
    }
}

/// <summary>The module itself: private readonly layers, registered once, a pure forward.</summary>
sealed class EmbeddingMlp : nn.Module<Tensor, Tensor>
{
    readonly Embedding _embedding;
    readonly Linear _hidden;
    readonly Linear _output;

    public EmbeddingMlp(DatasetShape shape, EmbeddingMlpOptions o) : base("sample-mlp")
    {
        _embedding = nn.Embedding(shape.VocabularySize, o.EmbeddingWidth);
        _hidden = nn.Linear(shape.SequenceLength * o.EmbeddingWidth, o.HiddenWidth);
        _output = nn.Linear(o.HiddenWidth, shape.ClassCount);
        RegisterComponents();
    }

    // The trainer runs each step in a dispose scope, so intermediate tensors need no explicit disposal.
    public override Tensor forward(Tensor tokens)
    {
        var embedded = _embedding.forward(tokens).flatten(1);
        return _output.forward(nn.functional.relu(_hidden.forward(embedded)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _embedding.Dispose();
            _hidden.Dispose();
            _output.Dispose();
        }
        base.Dispose(disposing);
    }
}
