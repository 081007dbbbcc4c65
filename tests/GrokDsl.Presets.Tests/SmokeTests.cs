using GrokDsl.Experiments;
using GrokDsl.Runs;

namespace GrokDsl.Presets.Tests;

/// <summary>Every preset's CPU-sized smoke variant runs every run of its sweep end to end (it checks the pipeline, not grokking).</summary>
public sealed class SmokeTests
{
    public static TheoryData<string> Presets => new() { "nanda-2023", "power-2022", "grokfast-2024", "omnigrok-2023", "prieto-2025", "gromov-2023", "grokking-explained-2025", "power-2022-s5", "barak-2022", "murty-2023-dyck", "wang-2024", "murty-2023", "doshi-2024", "varma-2023" };

    static IExperiment Smoke(string id) => id switch
    {
        "nanda-2023" => Nanda2023.Smoke,
        "power-2022" => Power2022.Smoke,
        "grokfast-2024" => Grokfast2024.Smoke,
        "omnigrok-2023" => Omnigrok2023.Smoke,
        "prieto-2025" => Prieto2025.Smoke,
        "gromov-2023" => Gromov2023.Smoke,
        "grokking-explained-2025" => GrokkingExplained2025.Smoke,
        "power-2022-s5" => Power2022S5.Smoke,
        "barak-2022" => Barak2022.Smoke,
        "murty-2023-dyck" => Murty2023Dyck.Smoke,
        "wang-2024" => Wang2024.Smoke,
        "murty-2023" => Murty2023.Smoke,
        "doshi-2024" => Doshi2024.Smoke,
        "varma-2023" => Varma2023.Smoke,
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    [SkippableTheory]
    [MemberData(nameof(Presets))]
    public void TheSmokeVariantRunsEveryRunOfItsSweep(string id)
    {
        var missingData = id == "omnigrok-2023" ? DebianData.Ensure("dataset-fashion-mnist", new IdxImages().Folder) : null;
        Skip.If(missingData is not null, $"Fashion-MNIST is not available: {missingData}");
        var smoke = Smoke(id);
        Assert.Equal(id, smoke.Info.Id);
        using var runner = new PresetRunner();
        // A preset that warm-starts (varma-2023) needs its sources trained first, as `grokdsl reproduce` does.
        foreach (var source in smoke is IReproducible reproducible ? reproducible.DescribeReproduction().SmokeSources : [])
            runner.Run(source);

        var summaries = runner.RunSweep(smoke);

        Assert.Equal(smoke.ExpandSweep().Count(), summaries.Count);
        Assert.All(summaries, s => Assert.True(s.Status is RunStatus.Censored or RunStatus.Grokked, $"{s.RunId}: {s.Status} {s.Error}{s.Divergence}"));
        Assert.All(summaries, s => Assert.True(s.FinalStep > 0));
    }

    [Fact]
    public void EveryBuiltInExperimentCitesItsSource()
    {
        var experiments = ExperimentCatalog.FromAssembly(typeof(ModularAddition).Assembly);

        string[] expected = ["nanda-2023", "power-2022", "grokfast-2024", "omnigrok-2023", "prieto-2025", "gromov-2023", "grokking-explained-2025", "modular-addition", "hu-2023-cpu", "nanda-2023-cpu", "power-2022-s5", "barak-2022", "murty-2023-dyck", "wang-2024", "murty-2023", "doshi-2024", "varma-2023"];
        Assert.Equal(expected.Order(), experiments.Select(e => e.Info.Id).Order());
        Assert.All(experiments, e => Assert.False(string.IsNullOrWhiteSpace(e.Info.Source), e.Info.Id));
    }
}
