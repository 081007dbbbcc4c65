using GrokDsl.Runtime.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Optimization;

/// <summary>One step of each optimizer on w = 1, g = 0.5, lr = 0.1, weight decay 0.1, against hand arithmetic.</summary>
public sealed class OptimizerTests
{
    static double OneStep(OptimizerOptions options)
    {
        using var w = new Parameter(tensor(new[] { 1.0 }, ScalarType.Float64));
        using var optimizer = OptimizerFactory.Create(options, [w]);
        w.grad = tensor(new[] { 0.5 }, ScalarType.Float64);
        optimizer.step();
        return w.data<double>()[0];
    }

    [Fact]
    public void AdamWDecaysTheWeightsSeparatelyFromTheGradient()
    {
        // w ← w − lr·wd·w = 0.99; first Adam step moves by lr·m̂/√v̂ = lr·g/|g| = 0.1 → 0.89.
        Assert.Equal(0.89, OneStep(new GrokDsl.AdamW { LearningRate = 0.1, WeightDecay = 0.1, Beta2 = 0.999 }), 6);
    }

    [Fact]
    public void AdamAddsWeightDecayToTheGradient()
    {
        // g' = g + wd·w = 0.6; the first Adam step still moves by lr = 0.1 → 0.9.
        Assert.Equal(0.9, OneStep(new GrokDsl.Adam { LearningRate = 0.1, WeightDecay = 0.1, Beta2 = 0.999 }), 6);
    }

    [Fact]
    public void AdamsCoupledWeightDecayEntersInsideStepAfterTheGradientTransforms()
    {
        // A zero loss gradient: Adam still moves w by lr (g' = wd·w inside step()), and .grad, which is what the
        // gradient transforms (Grokfast filters) read and rewrite before step(), never holds the decay term.
        using var w = new Parameter(tensor(new[] { 1.0 }, ScalarType.Float64));
        using var optimizer = OptimizerFactory.Create(new GrokDsl.Adam { LearningRate = 0.1, WeightDecay = 0.1, Beta2 = 0.999 }, [w]);
        w.grad = tensor(new[] { 0.0 }, ScalarType.Float64);

        optimizer.step();

        Assert.Equal(0.9, w.data<double>()[0], 6);
        Assert.Equal(0.0, w.grad!.data<double>()[0]);
    }

    [Fact]
    public void SgdStepsAlongTheGradientPlusL2()
    {
        // w − lr·(g + wd·w) = 1 − 0.1·0.6 = 0.94.
        Assert.Equal(0.94, OneStep(new GrokDsl.Sgd { LearningRate = 0.1, WeightDecay = 0.1 }), 9);
    }

    [Theory]
    [InlineData(0, 0.1)]   // warmup: (0+1)/10 of the rate
    [InlineData(9, 1.0)]   // warmup ends
    [InlineData(110, 0.55)] // cosine halfway between 1 and the final 0.1
    [InlineData(210, 0.1)] // the end of the schedule
    public void CosineScheduleWithWarmupFollowsItsFormula(long step, double fraction)
    {
        var options = new GrokDsl.AdamW { LearningRate = 2.0, WeightDecay = 1, WarmupSteps = 10, Schedule = LearningRateSchedule.Cosine, FinalLearningRateFraction = 0.1 };
        Assert.Equal(2.0 * fraction, OptimizerFactory.LearningRateAt(options, step, maxSteps: 210), 9);
    }

    static double TwoSteps(OptimizerOptions options, double firstGradient, double secondGradient)
    {
        using var w = new Parameter(tensor(new[] { 1.0 }, ScalarType.Float64));
        using var optimizer = OptimizerFactory.Create(options, [w]);
        foreach (var g in new[] { firstGradient, secondGradient })
        {
            w.grad = tensor(new[] { g }, ScalarType.Float64);
            optimizer.step();
        }
        return w.data<double>()[0];
    }

    [Fact]
    public void SgdMomentumAccumulatesTheL2Gradient()
    {
        // g'₁ = 0.5 + 0.1·1 = 0.6, buffer 0.6, w = 0.94; g'₂ = 0.5 + 0.1·0.94 = 0.594,
        // buffer 0.9·0.6 + 0.594 = 1.134, w = 0.94 − 0.1134 = 0.8266.
        Assert.Equal(0.8266, TwoSteps(new GrokDsl.Sgd { LearningRate = 0.1, WeightDecay = 0.1, Momentum = 0.9 }, 0.5, 0.5), 9);
    }

    [Fact]
    public void SgdNesterovStepsAlongTheGradientPlusTheDiscountedBuffer()
    {
        // buffer 0.6; step g' + 0.9·buffer = 0.6 + 0.54 = 1.14; w = 1 − 0.114.
        Assert.Equal(0.886, OneStep(new GrokDsl.Sgd { LearningRate = 0.1, WeightDecay = 0.1, Momentum = 0.9, Nesterov = true }), 9);
    }

    [Fact]
    public void AdamWSecondStepUsesBiasCorrectedMoments()
    {
        // Step 1 as above: 0.89. Step 2 with g = −1: decay 0.89·0.99 = 0.8811; m = 0.9·0.05 − 0.1 = −0.055,
        // m̂ = −0.055/0.19; v = 0.999·0.00025 + 0.001·1 = 0.00124975, v̂ = v/0.001999;
        // w = 0.8811 − 0.1·m̂/√v̂ = 0.8811 + 0.0366107… = 0.9177107…
        var expected = 0.8811 - 0.1 * (-0.055 / 0.19) / Math.Sqrt(0.00124975 / (1 - 0.999 * 0.999));
        Assert.Equal(0.91771, expected, 5);
        Assert.Equal(expected, TwoSteps(new GrokDsl.AdamW { LearningRate = 0.1, WeightDecay = 0.1, Beta2 = 0.999 }, 0.5, -1), 6);
    }

    [Theory]
    [InlineData(0, 0.25)] // (0+1)/4
    [InlineData(3, 1.0)]
    [InlineData(1000, 1.0)] // constant after warmup, whatever the budget
    public void ConstantScheduleOnlyWarmsUp(long step, double fraction)
    {
        var options = new GrokDsl.AdamW { LearningRate = 1e-3, WeightDecay = 1, WarmupSteps = 4 };
        Assert.Equal(1e-3 * fraction, OptimizerFactory.LearningRateAt(options, step, maxSteps: 2000), 12);
    }
}
