using GrokDsl.Contracts;
using GrokDsl.Measures.Tests.Support;
using GrokDsl.Plugins.Measures;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

/// <summary>
/// The modular measures on one-hot inputs, through their default options, on Gromov's closed-form quadratic MLP:
/// the first layer's blocks per operand serve as the embedding, and the default key-frequency rule (Nanda's
/// neuron rule on the model's activation layer) gives the same set in all three measures.
/// </summary>
public sealed class OneHotMeasureTests
{
    const int P = 23;
    static readonly int[] Keys = [3, 8];

    static IReadOnlyDictionary<string, double> Measure(IMeasureProvider provider, object options)
    {
        using var data = ModularData.OneHotAddition(P);
        using var model = new QuadraticCircuit(P, Keys, scale: 0.5);
        using var _ = no_grad();
        return provider.Create(ComponentOptions.From(options)).Measure(new MeasureContext(0, model, data));
    }

    static int[] KeyFrequencies(IReadOnlyDictionary<string, double> values) =>
        [.. values.Keys.Where(k => k.StartsWith("key_frequency.k", StringComparison.Ordinal)).Select(k => int.Parse(k["key_frequency.k".Length..])).Order()];

    [Fact]
    public void One_hot_task_is_read_back_from_the_features()
    {
        using var data = ModularData.OneHotAddition(7);

        var task = ModularTask.From(data);

        Assert.True(task.IsOneHot);
        Assert.Equal((7, 1), (task.Modulus, task.Sign));
        Assert.Equal((3 + 5) % 7, task.Labels[3 * 7 + 5]);
        using var grid = task.GridInputs(CPU);
        Assert.Equal([49L, 14L], grid.shape);
        Assert.Equal(1f, grid[3 * 7 + 5, 3].item<float>());
        Assert.Equal(1f, grid[3 * 7 + 5, 7 + 5].item<float>());
        Assert.Equal(2f, grid[3 * 7 + 5].sum().item<float>());
    }

    [Fact]
    public void Features_that_are_not_one_hot_are_refused()
    {
        using var tokens = ModularData.Addition(5);
        using var features = new DatasetTensors(new DatasetShape(0, 0, 10, 5),
            full(new long[] { 3, 10 }, 0.5f), tensor(new long[] { 0, 1, 2 }), full(new long[] { 1, 10 }, 0.5f), tensor(new long[] { 3 }));

        var error = Assert.Throws<ArgumentException>(() => ModularTask.From(features));
        Assert.Contains("one-hot", error.Message);
    }

    [Fact]
    public void Default_rule_gives_the_same_key_frequencies_in_all_three_measures()
    {
        var fourier = Measure(new FourierProvider(), new Fourier());
        var restricted = Measure(new RestrictedLossProvider(), new RestrictedLoss());
        var excluded = Measure(new ExcludedLossProvider(), new ExcludedLoss());

        Assert.Equal(Keys, KeyFrequencies(fourier));
        Assert.Equal(Keys, KeyFrequencies(restricted));
        Assert.Equal(Keys, KeyFrequencies(excluded));
        // The circuit is exactly its key frequencies: restricting changes nothing, excluding leaves chance.
        Assert.Equal(restricted["full_loss"], restricted["loss"], 4);
        Assert.Equal(Math.Log(P), excluded["loss"], 4);
    }

    [Fact]
    public void Neurons_of_the_closed_form_solution_are_pure_sinusoids()
    {
        var values = Measure(new FourierProvider(), new Fourier());

        // Every neuron's input weights per operand are one cosine: IPR 1 (Gromov 2023, Eq. 20–21); two of 11 frequencies.
        Assert.Equal(1, values["embedding.ipr"], 6);
        Assert.Equal(9.0 / 11, values["embedding.gini"], 6);
        Assert.Equal(1, values["neuron_logit.ipr"], 6);
    }
}

/// <summary>The neuron-to-logit map W_L = W_U·W_out that the Gini and Fourier norms read (Nanda et al. 2023, §4.1).</summary>
public sealed class NeuronLogitMapTests
{
    sealed class Block : TorchSharp.torch.nn.Module
    {
        readonly TorchSharp.Modules.Linear mlpOut = TorchSharp.torch.nn.Linear(4, 3, hasBias: false);

        public Block() : base(nameof(Block)) => RegisterComponents();
    }

    sealed class Readout : TorchSharp.torch.nn.Module
    {
        readonly TorchSharp.Modules.ModuleList<Block> blocks = new(new Block());
        readonly TorchSharp.Modules.Linear unembed = TorchSharp.torch.nn.Linear(3, 5, hasBias: false);

        public Readout() : base(nameof(Readout)) => RegisterComponents();
    }

    [Fact]
    public void Neuron_logit_map_is_the_unembedding_times_the_mlp_output()
    {
        using var model = new Readout();
        var unembedding = ModelParameters.Find(model, "unembed.weight");
        var output = ModelParameters.Find(model, "blocks.0.mlpOut.weight");

        using var map = ModelParameters.NeuronLogitMap(model, unembedding, neuronOutputName: null);
        using var expected = unembedding.matmul(output);

        Assert.Equal([5L, 4L], map.shape);
        Assert.True(map.allclose(expected));
    }

    [Fact]
    public void Without_an_mlp_output_the_unembedding_reads_the_neurons()
    {
        using var model = new QuadraticCircuit(5, [1]);
        var unembedding = ModelParameters.Find(model, "output.weight");

        using var map = ModelParameters.NeuronLogitMap(model, unembedding, neuronOutputName: null);

        Assert.True(map.allclose(unembedding));
    }
}

/// <summary>Doshi et al.'s IPR pruning on the closed-form circuit, whose neurons are all periodic (IPR 1).</summary>
public sealed class NeuronPruningTests
{
    const int P = 23;

    static IReadOnlyDictionary<string, double> Prune(NeuronPruning options)
    {
        using var data = ModularData.OneHotAddition(P);
        using var model = new QuadraticCircuit(P, [3, 8], scale: 0.5);
        using var _ = no_grad();
        return new NeuronPruningProvider().Create(ComponentOptions.From(options)).Measure(new MeasureContext(0, model, data));
    }

    [Fact]
    public void Pruning_none_keeps_the_accuracy_and_pruning_all_destroys_it()
    {
        // Pruning none changes nothing; pruning every neuron leaves constant logits (accuracy near chance).
        var none = Prune(new NeuronPruning { Fraction = 0 });
        var all = Prune(new NeuronPruning { Fraction = 1 });

        Assert.Equal(1, none["test_accuracy_before"], 9);
        Assert.Equal(1, none["test_accuracy_after"], 9);
        Assert.Equal(0, none["pruned"]);
        Assert.Equal(1, all["mean_ipr"], 6);
        Assert.Equal(32, all["pruned"]);
        Assert.True(all["test_accuracy_after"] < 0.2, $"all neurons pruned, yet test accuracy {all["test_accuracy_after"]}");
    }

    [Fact]
    public void Pruning_the_lowest_ipr_neurons_removes_the_memorizing_ones_and_the_highest_the_circuit()
    {
        // 32 periodic neurons (IPR 1) and 32 random ones with tiny output weights: half the neurons, lowest IPR first, are
        // exactly the random ones, and the predictions stay; highest first, the circuit goes.
        using var data = ModularData.OneHotAddition(P);
        using var model = new QuadraticCircuit(P, [3, 8], scale: 0.5, noiseNeurons: 32);
        using var _ = no_grad();
        IReadOnlyDictionary<string, double> Prune(bool lowest) =>
            new NeuronPruningProvider().Create(ComponentOptions.From(new NeuronPruning { Fraction = 0.5, LowestIpr = lowest }))
                .Measure(new MeasureContext(0, model, data));

        var lowest = Prune(lowest: true);
        var highest = Prune(lowest: false);

        Assert.Equal(1, lowest["test_accuracy_before"], 9);
        Assert.Equal(1, lowest["test_accuracy_after"], 9);
        Assert.True(lowest["ipr_threshold"] < 0.9, $"the last neuron pruned has IPR {lowest["ipr_threshold"]}");
        Assert.True(highest["test_accuracy_after"] < 0.2, $"the circuit pruned, yet test accuracy {highest["test_accuracy_after"]}");
        Assert.Equal(1, highest["ipr_threshold"], 6);
    }

    [Fact]
    public void Weights_are_restored_after_pruning()
    {
        using var data = ModularData.OneHotAddition(P);
        using var model = new QuadraticCircuit(P, [3, 8], scale: 0.5);
        var measure = new NeuronPruningProvider().Create(ComponentOptions.From(new NeuronPruning { Fraction = 1 }));
        using var _ = no_grad();

        measure.Measure(new MeasureContext(0, model, data));
        var again = measure.Measure(new MeasureContext(0, model, data));

        Assert.Equal(1, again["test_accuracy_before"], 9);
    }

    [Fact]
    public void Token_models_are_refused()
    {
        using var data = ModularData.Addition(P);
        using var model = new FourierCircuit(P, P, [3], 1);
        var measure = new NeuronPruningProvider().Create(ComponentOptions.Empty);

        Assert.Throws<ArgumentException>(() => measure.Measure(new MeasureContext(0, model, data)));
    }
}
