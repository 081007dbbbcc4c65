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
}
