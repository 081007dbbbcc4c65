using GrokDsl.Contracts;
using GrokDsl.Measures.Tests.Support;
using GrokDsl.Plugins.Measures;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Measures.Tests.Measures;

public sealed class AccuracyAndLossTests
{
    // Answers the label (a + b) mod p on every pair except those with a = 0, where it answers b + 1.
    sealed class AlmostAdder(int p, float margin) : nn.Module<Tensor, Tensor>("AlmostAdder")
    {
        public override Tensor forward(Tensor x)
        {
            var (a, b) = (x[.., 0], x[.., 1]);
            var answer = where(a.eq(0), (b + 1) % p, (a + b) % p);
            return nn.functional.one_hot(answer, p).to_type(ScalarType.Float32) * margin;
        }
    }

    [Fact]
    public void Accuracy_is_an_exact_ratio_of_integer_counts()
    {
        using var data = ModularData.Addition(7);
        using var model = new AlmostAdder(7, margin: 5);
        var values = new AccuracyProvider().Create(ComponentOptions.Empty).Measure(new MeasureContext(0, model, data));

        // Pairs with a = 0 are the only wrong ones: count them in each split by hand.
        var trainWrong = data.TrainInputs[.., 0].eq(0).sum().item<long>();
        var testWrong = data.TestInputs[.., 0].eq(0).sum().item<long>();
        Assert.Equal(24, values["train_total"]);   // (int)(0.5 · 49)
        Assert.Equal(25, values["test_total"]);
        Assert.Equal(24 - trainWrong, values["train_correct"]);
        Assert.Equal((24.0 - trainWrong) / 24, values["train"]);
        Assert.Equal((25.0 - testWrong) / 25, values["test"]);
    }

    [Fact]
    public void Perfect_accuracy_is_exactly_one_and_test_can_be_left_out()
    {
        using var data = ModularData.Create(97, (a, b) => (a + b) % 97, trainFraction: 0.9);
        using var model = new FourierCircuit(97, 97, [3, 14], scale: 10);
        var values = new AccuracyProvider().Create(ComponentOptions.From(new Accuracy { IncludeTest = false }))
            .Measure(new MeasureContext(0, model, data));

        Assert.Equal(1.0, values["train"]);
        Assert.False(values.ContainsKey("test"));
    }

    [Fact]
    public void Cross_entropy_loss_matches_the_closed_form_of_one_hot_logits()
    {
        using var data = ModularData.Addition(7);
        using var model = new AlmostAdder(7, margin: 5);
        var values = new LossProvider().Create(ComponentOptions.Empty).Measure(new MeasureContext(0, model, data));

        // A row with margin m on one class of p: −log softmax = log(e^m + p − 1) − m on that class, log(e^m + p − 1) otherwise.
        var normalizer = Math.Log(Math.Exp(5) + 6);
        var trainWrong = data.TrainInputs[.., 0].eq(0).sum().item<long>();
        var expected = ((24 - trainWrong) * (normalizer - 5) + trainWrong * normalizer) / 24;
        Assert.Equal(expected, values["train"], 6);
        Assert.True(values.ContainsKey("test"));
    }

    [Fact]
    public void Mse_loss_averages_over_every_element()
    {
        using var logits = tensor(new float[] { 1, 0, 0, 0 }, [2, 2]);
        using var targets = tensor(new long[] { 0, 1 });

        // Errors (0, 0) and (0, −1): mean of squares over 4 elements = 1/4.
        Assert.Equal(0.25, LossProvider.MeanLoss(LossFunction.Mse, logits, targets), 12);
    }

    sealed class ReluLayer : nn.Module<Tensor, Tensor>
    {
        readonly TorchSharp.Modules.Linear hidden = nn.Linear(2, 4, hasBias: false);
        readonly TorchSharp.Modules.ReLU relu = nn.ReLU();
        readonly TorchSharp.Modules.Linear output = nn.Linear(4, 3, hasBias: false);

        public ReluLayer() : base(nameof(ReluLayer))
        {
            RegisterComponents();
            using var _ = no_grad();
            // Unit 0 follows a, unit 1 follows b, units 2 and 3 are −a and −b: dead on non-negative inputs.
            hidden.weight!.copy_(tensor(new float[] { 1, 0, 0, 1, -1, 0, 0, -1 }, [4, 2]));
        }

        // call(), not forward(): forward hooks fire only through call.
        public override Tensor forward(Tensor x) => output.call(relu.call(hidden.call(x.to_type(ScalarType.Float32))));
    }

    [Fact]
    public void Activation_sparsity_counts_inactive_activations_and_dead_units()
    {
        using var data = ModularData.Addition(5);
        using var model = new ReluLayer();
        var values = new EffectiveRankProvider().Create(ComponentOptions.From(new EffectiveRank { ActivationModules = ["relu"] }))
            .Measure(new MeasureContext(0, model, data));

        // Units 2 and 3 are always 0; units 0 and 1 are 0 exactly where a = 0 or b = 0.
        var zeros = data.TrainInputs.eq(0).sum().item<long>();
        var rows = data.TrainInputs.shape[0];
        Assert.Equal((2.0 * rows + zeros) / (4 * rows), values["relu.activation_sparsity"], 12);
        Assert.Equal(0.5, values["relu.dead_fraction"]);
    }

    [Fact]
    public void Activation_sparsity_of_an_unknown_module_names_the_modules_there_are()
    {
        using var data = ModularData.Addition(5);
        using var model = new ReluLayer();
        var measure = new EffectiveRankProvider().Create(ComponentOptions.From(new EffectiveRank { ActivationModules = ["mlp"] }));

        var error = Assert.Throws<ArgumentException>(() => measure.Measure(new MeasureContext(0, model, data)));
        Assert.Contains("no module 'mlp'", error.Message);
        Assert.Contains("relu", error.Message);
    }
}
