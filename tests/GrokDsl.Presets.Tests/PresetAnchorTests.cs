using GrokDsl.Experiments;

namespace GrokDsl.Presets.Tests;

/// <summary>
/// Each full preset holds the configuration its paper states (../shared/docs/mission-anchors.md), so an
/// edit that drifts from the paper fails here rather than in a GPU run days later.
/// </summary>
public sealed class PresetAnchorTests
{
    [Fact]
    public void Power2022IsTheAppendixConfiguration()
    {
        var p = new Power2022();
        Assert.Equal((97, "a/b", 0.5), (p.Data.Modulus, p.Data.Operation, p.Data.TrainFraction));
        Assert.Equal(Transformer.Power2022, p.Model);
        Assert.Equal((2, 128, 4), (p.Model.Layers, p.Model.Width, p.Model.Heads));
        Assert.Equal((1e-3, 1.0, 0.9, 0.98, 10), (p.Optimizer.LearningRate, p.Optimizer.WeightDecay, p.Optimizer.Beta1, p.Optimizer.Beta2, p.Optimizer.WarmupSteps));
        // min(512, N/2) with N = 0.5 · 97 · 96 training pairs.
        Assert.Equal(Math.Min(512, 97 * 96 / 2 / 2), p.Training.BatchSize);
        Assert.Equal((100_000, 0.99), (p.Stopping.MaxSteps, p.Training.GrokkingThreshold));
    }

    [Fact]
    public void Nanda2023IsTheMainlineRun()
    {
        var n = new Nanda2023();
        Assert.Equal((113, "a+b", 0.3, "tokens-with-equals"), (n.Data.Modulus, n.Data.Operation, n.Data.TrainFraction, n.Data.Encoding));
        Assert.Equal((1, 128, 4, 512, "none"), (n.Model.Layers, n.Model.Width, n.Model.Heads, n.Model.MlpWidth, n.Model.LayerNorm));
        Assert.Equal((1e-3, 1.0, 0.9, 0.98, 10), (n.Optimizer.LearningRate, n.Optimizer.WeightDecay, n.Optimizer.Beta1, n.Optimizer.Beta2, n.Optimizer.WarmupSteps));
        Assert.Equal(0, n.Training.BatchSize); // full batch
        Assert.True(n.Training.LossInFloat64);
        Assert.Equal(40_000, n.Stopping.MaxSteps);
    }

    [Theory]
    [InlineData("baseline", 0.0, null)]
    [InlineData("ema", 0.005, "ema")]
    [InlineData("ma", 0.01, "ma")]
    public void Grokfast2024PairsEachFilterWithItsPublishedWeightDecay(string filter, double weightDecay, string? kind)
    {
        // The optimizer's type is Adam (coupled L2, main.py's --optimizer Adam); the compiler checks that.
        var g = new Grokfast2024 { Filter = filter };
        Assert.Equal((97, "a*b", 0.5), (g.Data.Modulus, g.Data.Operation, g.Data.TrainFraction));
        Assert.Equal((1e-3, weightDecay, 0.9, 0.98, 10), (g.Optimizer.LearningRate, g.Optimizer.WeightDecay, g.Optimizer.Beta1, g.Optimizer.Beta2, g.Optimizer.WarmupSteps));
        Assert.Equal(512, g.Training.BatchSize);
        switch (kind)
        {
            case "ema":
                var ema = Assert.IsType<GrokfastEma>(g.Optimizer.GradientFilter);
                Assert.Equal((0.98, 2.0), (ema.Alpha, ema.Lambda));
                break;
            case "ma":
                var ma = Assert.IsType<GrokfastMa>(g.Optimizer.GradientFilter);
                Assert.Equal((100, 5.0, true), (ma.Window, ma.Lambda, ma.Warmup));
                break;
            default:
                Assert.Null(g.Optimizer.GradientFilter);
                break;
        }
    }

    [Fact]
    public void Omnigrok2023IsTheMnistNotebookOnFashionMnist()
    {
        var o = new Omnigrok2023();
        Assert.Equal((1000, "/usr/share/datasets/fashion-mnist"), (o.Data.TrainSubset, o.Data.Folder));
        Assert.Equal((2, 200, 8.0, "relu"), (o.Model.Depth, o.Model.HiddenWidth, o.Model.InitScale, o.Model.Activation));
        Assert.Equal((1e-3, 0.01), (o.Optimizer.LearningRate, o.Optimizer.WeightDecay));
        Assert.Equal((200, LossFunction.Mse, Precision.Float64), (o.Training.BatchSize, o.Training.Loss, o.Training.Precision));
        Assert.Equal(100_000, o.Stopping.MaxSteps);
    }

    [Theory]
    // Variant, lr, β2, ε, loss, loss in float64, ⊥Grad: one line of run_main_experiments.sh each (Figs. 1-2).
    [InlineData("float32", 5e-4, 0.99, 1e-30, LossFunction.CrossEntropy, false, false)]
    [InlineData("float64", 0.01, 0.99, 1e-25, LossFunction.CrossEntropy, true, false)]
    [InlineData("stablemax", 0.01, 0.999, 1e-25, LossFunction.StableMaxCrossEntropy, false, false)]
    [InlineData("perpendicular", 0.01, 0.99, 1e-25, LossFunction.CrossEntropy, false, true)]
    public void Prieto2025VariantsAreTheFigureScriptLines(string variant, double lr, double beta2, double epsilon, LossFunction loss, bool lossInFloat64, bool perpendicular)
    {
        var p = new Prieto2025 { Variant = variant };
        Assert.Equal((113, "a+b", 0.4, "one-hot"), (p.Data.Modulus, p.Data.Operation, p.Data.TrainFraction, p.Data.Encoding));
        Assert.Equal(Mlp.Prieto2025, p.Model);
        Assert.Equal((lr, 0.0, 0.9, beta2, epsilon, perpendicular),
            (p.Optimizer.LearningRate, p.Optimizer.WeightDecay, p.Optimizer.Beta1, p.Optimizer.Beta2, p.Optimizer.Epsilon, p.Optimizer.PerpendicularGradient));
        Assert.Equal((loss, lossInFloat64, Precision.Float32, 0), (p.Training.Loss, p.Training.LossInFloat64, p.Training.Precision, p.Training.BatchSize));
        Assert.Equal(42, p.Seed);
    }

    [Fact]
    public void GrokkingExplained2025UsesTheSectionFourSettings()
    {
        var g = new GrokkingExplained2025();
        Assert.Equal((2000, 10_000), (g.Data.TrainSamples, g.Data.TestSamples));
        Assert.Equal((9, 13), (g.Data.BitPairs, g.Data.PairDimension));
        Assert.Equal(8.0, g.Model.InitScale);
        Assert.Equal((1e-3, 1e-4), (g.Optimizer.LearningRate, g.Optimizer.WeightDecay));
    }

    [Fact]
    public void Gromov2023IsABiasFreeQuadraticNetworkOnOneHotPairs()
    {
        var g = new Gromov2023();
        Assert.Equal(("a+b", "one-hot"), (g.Data.Operation, g.Data.Encoding));
        Assert.Equal((1, "quadratic", false, "flat"), (g.Model.Depth, g.Model.Activation, g.Model.Bias, g.Model.Input));
        Assert.Equal(LossFunction.Mse, g.Training.Loss);
        Assert.Contains("fourier", g.Measures);
    }
}
