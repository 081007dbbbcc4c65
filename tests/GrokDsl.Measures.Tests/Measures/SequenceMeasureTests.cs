using GrokDsl.Contracts;
using GrokDsl.Measures.Tests.Support;
using GrokDsl.Plugins.Measures;
using GrokDsl.Plugins.Sequences;
using GrokDsl.Plugins.Transformer;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

/// <summary>attention and tree-projection on a real causal language model over Dyck prompts.</summary>
public sealed class SequenceMeasureTests
{
    static DatasetTensors Dyck() => new DyckProvider().Create(ComponentOptions.From(new Dyck
    {
        BracketTypes = 2, TrainDepth = 2, MaxDepth = 4, MinLength = 4, MaxLength = 8,
        TrainSamples = 32, InDistributionSamples = 16, GeneralizationSamples = 16,
    }), seed: 0);

    static nn.Module<Tensor, Tensor> LanguageModel(DatasetShape shape, int layers = 2)
    {
        manual_seed(0);
        var options = new Transformer { Layers = layers, Width = 16, Heads = 2, MlpWidth = 32, LayerNorm = "pre", LanguageModelHead = true };
        return new TransformerProvider().Create(ComponentOptions.From(options), new ModelContext(shape, ScalarType.Float32));
    }

    static IReadOnlyDictionary<string, double> Measure(IMeasureProvider provider, object options, nn.Module<Tensor, Tensor> model, DatasetTensors data) =>
        provider.Create(ComponentOptions.From(options)).Measure(new MeasureContext(0, model, data));

    [Fact]
    public void Attention_reports_each_layer_and_their_mean_within_their_bounds()
    {
        using var data = Dyck();
        using var model = LanguageModel(data.Shape);

        var values = Measure(new AttentionProvider(), new Attention { Samples = 8 }, model, data);

        foreach (var prefix in new[] { "layer0.", "layer1.", "" })
        {
            Assert.InRange(values[prefix + "entropy"], 0, Math.Log(data.Shape.SequenceLength));
            Assert.InRange(values[prefix + "max_weight"], 1.0 / data.Shape.SequenceLength, 1);
            Assert.InRange(values[prefix + "below_uniform"], 0, 1);
        }
        Assert.Equal((values["layer0.entropy"] + values["layer1.entropy"]) / 2, values["entropy"], 12);
    }

    [Fact]
    public void A_model_whose_states_ignore_their_context_has_no_span_distance_and_no_tree_structure_to_find()
    {
        using var data = Dyck();
        using var model = LanguageModel(data.Shape, layers: 1);
        using (no_grad())
        {
            // Without attention output and positions, a token's state is a function of the token alone.
            ModelParameters.Find(model, "blocks.0.attention.output.weight").zero_();
            ModelParameters.Find(model, "positionEmbedding").zero_();
        }

        var values = Measure(new TreeProjectionProvider(), new TreeProjection { Samples = 4 }, model, data);

        Assert.Equal(4, values["sentences"]);
        Assert.InRange(values["distance"], -1e-6, 1e-6);
        Assert.InRange(values["random_distance"], -1e-6, 1e-6);
        Assert.InRange(values["t_score"], -1e-6, 1e-6);
    }

    [Fact]
    public void A_model_that_mixes_context_projects_onto_a_tree_better_than_random_ones()
    {
        using var data = Dyck();
        using var model = LanguageModel(data.Shape);

        var values = Measure(new TreeProjectionProvider(), new TreeProjection { Samples = 4, Split = "generalization", Pooling = SpanPooling.LastToken }, model, data);

        Assert.True(values["random_distance"] > 1e-4, $"random-tree distance {values["random_distance"]}");
        Assert.True(values["t_score"] > 0);
        Assert.Equal(values["random_distance"] - values["distance"], values["t_score"], 12);
    }

    [Fact]
    public void Both_measures_leave_no_live_tensors_behind()
    {
        using var data = Dyck();
        using var model = LanguageModel(data.Shape);
        void MeasureBoth()
        {
            Measure(new AttentionProvider(), new Attention { Samples = 8 }, model, data);
            Measure(new TreeProjectionProvider(), new TreeProjection { Samples = 2 }, model, data);
        }
        MeasureBoth(); // warm-up: lazy initialization inside TorchSharp

        var before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        MeasureBoth();
        var after = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        Assert.Equal(before, after);
    }

    [Fact]
    public void They_say_what_they_need_of_the_model_and_the_data()
    {
        using var dyck = Dyck();
        using var modular = ModularData.Addition(5);
        using var circuit = new FourierCircuit(5, 5, [1], scale: 1);
        using var model = LanguageModel(dyck.Shape);

        var noAttention = Assert.Throws<ArgumentException>(() => Measure(new AttentionProvider(), new Attention(), circuit, modular));
        Assert.Contains("IAttentionModel", noAttention.Message);
        var noSentences = Assert.Throws<ArgumentException>(() => Measure(new TreeProjectionProvider(), new TreeProjection(), circuit, modular));
        Assert.Contains("sequence dataset", noSentences.Message);
        var noSplit = Assert.Throws<ArgumentException>(() => Measure(new AttentionProvider(), new Attention { Split = "ood" }, model, dyck));
        Assert.Contains("in-distribution", noSplit.Message);
    }
}
