using GrokDsl.Experiments;
using GrokDsl.Runs;

namespace GrokDsl.Presets.Tests;

/// <summary>The progress measures show, on the presets, what the papers show (docs/reproductions.md has the figures).</summary>
public sealed class ProgressMeasureTests
{
    /// <summary>
    /// Gromov 2023: the one-hot quadratic MLP's neurons become periodic as it groks. Measured at p = 31, width 256:
    /// mean IPR of the neurons' input weights 0.12 at initialization, 0.36 when it groks (~step 200).
    /// </summary>
    [Fact]
    public void GromovsOneHotMlpRaisesItsMeanIprBetweenInitializationAndGrokking()
    {
        using var runner = new PresetRunner();
        var experiment = new Gromov2023() with
        {
            Data = new Gromov2023().Data with { Modulus = 31 },
            Model = new Gromov2023().Model with { HiddenWidth = 256 },
            Stopping = new() { MaxSteps = 2000 },
            Measures = ["fourier"],
        };

        var run = runner.Train(experiment);

        Assert.Equal(RunStatus.Grokked, run.Summary.Status);
        var ipr = run.Directory.ReadMetrics(out _)
            .Where(r => r.Measures?.ContainsKey("fourier.embedding.ipr") == true)
            .Select(r => (r.Step, Ipr: r.Measures!["fourier.embedding.ipr"])).ToList();
        Assert.Equal(0, ipr[0].Step);
        Assert.True(ipr[0].Ipr < 0.2, $"IPR at initialization {ipr[0].Ipr}");
        Assert.True(ipr[^1].Step >= run.Summary.GrokkedAtStep!.Value - 100, $"last IPR measured at {ipr[^1].Step}");
        Assert.True(ipr[^1].Ipr > 2 * ipr[0].Ipr, $"IPR {ipr[0].Ipr} at initialization, {ipr[^1].Ipr} at step {ipr[^1].Step}");
    }
}
