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

/// <summary>
/// Nanda et al. 2023's three-phase signature through <c>grokdsl measure</c>'s pass, on <see cref="Nanda2023Cpu"/> made
/// cheaper (the figures of the preset itself are in docs/reproductions.md).
/// </summary>
public sealed class NandaSignatureTests
{
    [Fact]
    public void ThePostHocPassShowsRestrictedLossFirstExcludedLossRisingGiniRisingAndOneKeyFrequencySet()
    {
        using var runner = new PresetRunner();
        var experiment = NandaSignature.Cheaper;
        var run = runner.Train(experiment);
        Assert.Equal(RunStatus.Grokked, run.Summary.Status);

        var outcome = GrokDsl.Runtime.Measurement.MeasurementPass.Run(run.Directory, experiment.ToRunSpec(), runner.Host,
            new GrokDsl.Runtime.Measurement.MeasurementRequest(), warning => Assert.Fail(warning));

        var records = run.Directory.ReadMetrics().Records;
        var training = records.Where(r => r.Pass is null).ToList();
        var pass = records.Where(r => r.Pass is not null).ToList();

        // 3-8 key frequencies, and the three measures, each with the default rule and nothing fixed, agree at the end.
        Assert.InRange(outcome.KeyFrequencies.Count, 3, 8);
        var live = training.Last(r => r.Measures?.ContainsKey("fourier.key_frequencies.count") == true).Measures!;
        foreach (var measure in new[] { "fourier", "restricted-loss", "excluded-loss" })
            Assert.Equal(outcome.KeyFrequencies, NandaSignature.KeyFrequencies(live, measure));

        // Restricted loss falls below 1 before the test loss does.
        var restrictedBelowOne = pass.First(r => r.Measures!["restricted-loss.loss"] < 1).Step;
        var testBelowOne = training.First(r => r.TestLoss < 1).Step;
        Assert.True(restrictedBelowOne < testBelowOne, $"restricted loss < 1 at {restrictedBelowOne}, test loss < 1 at {testBelowOne}");

        // Excluded loss rises while the train loss stays low: during circuit formation (train loss below 0.1, test loss
        // still above 1) it climbs to at least twice its value at initialization (ln p).
        var formation = training.Where(r => r.TrainLoss < 0.1 && r.TestLoss > 1).Select(r => r.Step).ToHashSet();
        Assert.NotEmpty(formation);
        var excludedAtStart = pass[0].Measures!["excluded-loss.loss"];
        var excludedPeak = pass.Where(r => formation.Contains(r.Step)).Max(r => r.Measures!["excluded-loss.loss"]);
        Assert.True(excludedPeak > 2 * excludedAtStart, $"excluded loss {excludedAtStart} at step 0, at most {excludedPeak} in circuit formation");

        // summary.json's phases are made again from the pass: all three, as the report shows them.
        Assert.Equal(["memorization", "circuit-formation", "cleanup"], run.Directory.ReadSummary()!.Analysis!.Phases!.Select(p => p.Phase));

        // The Gini of W_L's Fourier norms rises.
        var gini = pass.Select(r => r.Measures!["fourier.neuron_logit.gini"]).ToList();
        Assert.True(gini[^1] > gini[0] + 0.3, $"Gini of W_L {gini[0]} at step 0, {gini[^1]} at the end");
    }
}

static class NandaSignature
{
    /// <summary>The preset at 3× the learning rate: it groks at ~380 instead of 870; 750 steps, the last one measured live.</summary>
    public static Nanda2023Cpu Cheaper => new Nanda2023Cpu() with
    {
        Optimizer = new Nanda2023Cpu().Optimizer with { LearningRate = 3e-3 },
        Stopping = new() { MaxSteps = 750, StopAfterGrokking = false },
    };

    public static IReadOnlyList<int> KeyFrequencies(IReadOnlyDictionary<string, double> measures, string measure) =>
        [.. measures.Keys.Where(k => k.StartsWith($"{measure}.key_frequency.k", StringComparison.Ordinal))
            .Select(k => int.Parse(k[$"{measure}.key_frequency.k".Length..], System.Globalization.CultureInfo.InvariantCulture)).Order()];
}
