using GrokDsl.Contracts;
using GrokDsl.Measures.Tests.Support;
using GrokDsl.Plugins.Measures;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

/// <summary>The modular measures through their providers, on a model that is exactly a Fourier circuit.</summary>
public sealed class ModularMeasureTests
{
    const int P = 23;            // 11 non-constant frequencies
    const double Scale = 2;
    static readonly int[] Keys = [3, 8];

    static IReadOnlyDictionary<string, double> Measure(IMeasureProvider provider, object options, bool equalsToken = false, bool hooksFire = true)
    {
        using var data = ModularData.Addition(P, equalsToken);
        using var model = new FourierCircuit(P, data.Shape.VocabularySize, Keys, Scale, hooksFire);
        using var _ = no_grad();
        return provider.Create(ComponentOptions.From(options)).Measure(new MeasureContext(100, model, data));
    }

    // Every pair's logits are Scale·Σ_k cos(w_k(t − c)) for its target t: one closed-form loss for all pairs.
    static double LossWithout(params int[] removed) =>
        Trig.CircularLoss(P, offset => Scale * Keys.Except(removed).Sum(k => Trig.Cos(k, offset, P)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Restricted_loss_of_a_pure_circuit_equals_its_full_loss(bool equalsToken)
    {
        var values = Measure(new RestrictedLossProvider(), new RestrictedLoss { ActivationModule = "neurons" }, equalsToken);

        Assert.Equal(LossWithout(), values["full_loss"], 5);
        Assert.Equal(values["full_loss"], values["loss"], 5);
        Assert.Equal(2, values["key_frequencies.count"]);
    }

    [Fact]
    public void Excluded_loss_is_chance_with_every_key_frequency_removed_and_closed_form_with_one()
    {
        var values = Measure(new ExcludedLossProvider(), new ExcludedLoss { ActivationModule = "neurons" });

        Assert.Equal(Math.Log(P), values["loss"], 5);
        Assert.Equal(LossWithout(), values["train_loss"], 5);
        Assert.Equal(LossWithout(3), values["k3"], 5);
        Assert.Equal(LossWithout(8), values["k8"], 5);
        Assert.False(values.ContainsKey("k1"));
    }

    [Fact]
    public void Fixed_key_frequencies_are_used_as_given()
    {
        var values = Measure(new ExcludedLossProvider(), new ExcludedLoss { KeyFrequencies = [8], PerFrequency = false });

        Assert.Equal(LossWithout(8), values["loss"], 5);
        Assert.Equal(1, values["key_frequencies.count"]);
        Assert.True(values.ContainsKey("key_frequency.k8"));
        Assert.Equal(4, values.Count);
    }

    [Fact]
    public void Fourier_measure_reads_the_circuit_spectrum()
    {
        var values = Measure(new FourierProvider(), new Fourier { ActivationModule = "neurons" });

        // Two frequencies with equal norms out of 11: Gini (n − 2)/n; every column a pure sinusoid: IPR 1.
        // The circuit has no W_out, so W_L is its unembedding.
        Assert.Equal(9.0 / 11, values["embedding.gini"], 6);
        Assert.Equal(9.0 / 11, values["neuron_logit.gini"], 6);
        Assert.False(values.ContainsKey("unembedding.gini"));
        Assert.Equal(1, values["embedding.ipr"], 6);
        Assert.Equal(2, values["embedding.top_frequencies"]);
        Assert.Equal(1 - 2.0 / 11, values["embedding.sparsity"], 9);
        Assert.Equal(3, values["embedding.dominant_frequency"]);
        Assert.Equal(2, values["key_frequencies.count"]);
        Assert.Equal(0.5, values["key_frequency.k3"], 9);
        Assert.Equal(0.5, values["key_frequency.k8"], 9);
    }

    [Theory]
    [InlineData(KeyFrequencySource.Logits)]
    [InlineData(KeyFrequencySource.Activations)]
    [InlineData(KeyFrequencySource.Weights)]
    public void Every_key_frequency_source_finds_the_circuit_frequencies(KeyFrequencySource source)
    {
        var options = new Fourier
        {
            KeyFrequencySource = source,
            ActivationModule = source == KeyFrequencySource.Activations ? "neurons" : null,
        };

        var values = Measure(new FourierProvider(), options, equalsToken: true);

        Assert.Equal(2, values["key_frequencies.count"]);
        Assert.True(values.ContainsKey("key_frequency.k3") && values.ContainsKey("key_frequency.k8"));
    }

    [Fact]
    public void Activations_source_reports_a_model_whose_hooks_never_fire()
    {
        var options = new Fourier { KeyFrequencySource = KeyFrequencySource.Activations, ActivationModule = "neurons" };

        var error = Assert.Throws<InvalidOperationException>(() => Measure(new FourierProvider(), options, hooksFire: false));
        Assert.Contains("forward()", error.Message);
    }

    [Fact]
    public void Settings_without_effect_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new FourierProvider().Create(ComponentOptions.From(new Fourier { KeyFrequencySource = KeyFrequencySource.Weights, ActivationModule = "neurons" })));
        Assert.Throws<ArgumentException>(() => new FourierProvider().Create(ComponentOptions.From(new Fourier { Readout = FourierReadout.Unembedding, NeuronOutputParameter = "w" })));
        Assert.Throws<ArgumentException>(() => new RestrictedLossProvider().Create(ComponentOptions.From(new RestrictedLoss { WeightParameter = "embedding" })));
        Assert.Throws<ArgumentException>(() => new ExcludedLossProvider().Create(ComponentOptions.From(new ExcludedLoss { ActivationModule = "" })));
        Assert.Throws<ArgumentException>(() => new RestrictedLossProvider().Create(new ComponentOptions("""{"Bogus": 1}""")));
    }

    [Fact]
    public void Restricted_loss_needs_addition_or_subtraction()
    {
        using var data = ModularData.Create(P, (a, b) => a * b % P);
        using var model = new FourierCircuit(P, P, Keys, Scale);
        var measure = new RestrictedLossProvider().Create(ComponentOptions.Empty);

        Assert.Throws<ArgumentException>(() => measure.Measure(new MeasureContext(0, model, data)));
    }

    [Fact]
    public void Modular_task_is_read_back_from_the_data()
    {
        using var data = ModularData.Create(7, (a, b) => b == 0 ? null : (a - b + 7) % 7, equalsToken: true);

        var task = ModularTask.From(data);

        Assert.Equal((7, 0, 1, -1), (task.Modulus, task.FirstPosition, task.SecondPosition, task.Sign));
        Assert.Equal(-1, task.Labels[3 * 7 + 0]);          // b = 0 is not in the data
        Assert.Equal((3 - 5 + 7) % 7, task.Labels[3 * 7 + 5]);
        Assert.Equal(data.TrainTargets.shape[0], task.TrainRows().Length);
        using var grid = task.GridInputs(CPU);
        Assert.Equal([3L, 5L, 7L], grid[3 * 7 + 5].data<long>().ToArray());
    }
}
