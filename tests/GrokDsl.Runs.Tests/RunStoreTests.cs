using GrokDsl.Configuration;

namespace GrokDsl.Runs.Tests;

public sealed class RunStoreTests(Xunit.Abstractions.ITestOutputHelper output)
{
    static void MakeRun(string root, string experiment, string id, string configuration, RunStatus? status)
    {
        var directory = RunDirectory.For(root, experiment, id);
        Directory.CreateDirectory(directory.Path);
        directory.WriteConfiguration(configuration);
        if (status is { } s)
            directory.WriteSummary(new RunSummary
            {
                ExperimentId = experiment, RunId = id, Status = s, FinalStep = 100, FinalTrainAccuracy = 1,
                FinalTestAccuracy = s == RunStatus.Grokked ? 0.97 : 0.1, WallSeconds = 1, StepsPerSecond = 100, Device = "cpu",
                GrokkedAtStep = s == RunStatus.Grokked ? 90 : null,
            });
    }

    [Fact]
    public void ListingFiltersByExperimentStatusAndConfigurationValues()
    {
        using var root = new TempFolder();
        MakeRun(root.Path, "a", "r1", """{ "Seed": 0, "Optimizer": { "WeightDecay": 0.3 } }""", RunStatus.Grokked);
        MakeRun(root.Path, "a", "r2", """{ "Seed": 1, "Optimizer": { "WeightDecay": 1 } }""", RunStatus.Censored);
        MakeRun(root.Path, "a", "r3", """{ "Seed": 2, "Optimizer": { "WeightDecay": 0.3 } }""", null);
        MakeRun(root.Path, "b", "r4", """{ "Seed": 0 }""", RunStatus.Failed);

        Assert.Equal(["r1", "r2", "r3", "r4"], RunStore.List(root.Path).Select(r => r.RunId));
        Assert.Equal(["r1", "r2", "r3"], RunStore.List(root.Path, new RunFilter(ExperimentId: "a")).Select(r => r.RunId));
        Assert.Equal(["r3"], RunStore.List(root.Path, new RunFilter(Status: "unfinished")).Select(r => r.RunId));
        Assert.Equal(["r1", "r3"], RunStore.List(root.Path, new RunFilter(Settings: [("Optimizer.WeightDecay", "0.3")])).Select(r => r.RunId));
        Assert.Equal(["r1", "r4"], RunStore.List(root.Path, new RunFilter(Settings: [("seed", "0")])).Select(r => r.RunId));
    }

    [Fact]
    public void FindResolvesAUniquePrefixOnly()
    {
        using var root = new TempFolder();
        MakeRun(root.Path, "a", "abc123", "{}", RunStatus.Grokked);
        MakeRun(root.Path, "a", "abd456", "{}", RunStatus.Grokked);

        Assert.Equal("abc123", RunStore.Find(root.Path, "abc")?.RunId);
        Assert.Null(RunStore.Find(root.Path, "ab"));
        Assert.Null(RunStore.Find(root.Path, "zzz"));
    }

    [Fact]
    public void ListingThreeThousandRunsByStatusAndBySweptValue()
    {
        const int Runs = 3000;
        using var root = new TempFolder();
        var summary = System.Text.Json.JsonSerializer.Serialize(new RunSummary
        {
            ExperimentId = "sweep", RunId = "x", Status = RunStatus.Censored, FinalStep = 1, FinalTrainAccuracy = 1,
            FinalTestAccuracy = 0, WallSeconds = 1, StepsPerSecond = 1, Device = "cpu",
        }, RunJson.Indented);
        for (var i = 0; i < Runs; i++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root.Path, "sweep", $"run{i:D5}")).FullName;
            File.WriteAllText(Path.Combine(folder, RunDirectory.ConfigurationFile),
                $$"""{ "Seed": {{i % 10}}, "Optimizer": { "WeightDecay": {{i % 3}} } }""");
            File.WriteAllText(Path.Combine(folder, RunDirectory.SummaryFile), summary);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var byStatus = RunStore.List(root.Path, new RunFilter(Status: "censored")).Count();
        var statusMs = clock.ElapsedMilliseconds;
        clock.Restart();
        var bySetting = RunStore.List(root.Path, new RunFilter(Settings: [("Seed", "3"), ("Optimizer.WeightDecay", "0")])).Count();

        Assert.Equal(Runs, byStatus);
        Assert.Equal(Enumerable.Range(0, Runs).Count(i => i % 10 == 3 && i % 3 == 0), bySetting);
        // A benchmark, not a timing assertion: the numbers are printed for the record.
        output.WriteLine($"listed {Runs} runs by status in {statusMs} ms, by swept values in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void RunIdsAreTheHashOfTheCompactCanonicalConfiguration()
    {
        var writer = new ConfigurationWriter();
        writer.Write("B", 2);
        writer.Write("A", new { Y = 1.5, X = "x" });

        Assert.Equal("{\n  \"A\": {\n    \"X\": \"x\",\n    \"Y\": 1.5\n  },\n  \"B\": 2\n}".Replace("\n", Environment.NewLine), writer.ToJson());
        Assert.Equal(RunIds.FromCanonicalJson("""{"A":{"X":"x","Y":1.5},"B":2}"""), writer.RunId());
        Assert.Equal(writer.RunId(), RunIds.FromStoredConfiguration(writer.ToJson()));
    }
}
