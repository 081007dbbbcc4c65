using System.Text.Json;
using System.Text.Json.Nodes;
using GrokDsl.Runs;

namespace GrokDsl.Reporting.Tests;

/// <summary>
/// A generated sweep, <c>runs/modular-sweep/</c>: Data.TrainFraction ∈ {0.3, 0.5} × Optimizer.WeightDecay ∈ {0.1, 1}
/// × Seed ∈ {0, 1, 2}, budget 10,000 steps. Grokking steps per setting (null = censored at the budget, D = diverged
/// at step 500):
/// <code>
///                 WeightDecay 0.1          WeightDecay 1
/// TrainFraction 0.3   D, null, null            3,000, 6,000, null
/// TrainFraction 0.5   8,000, null, null        1,000, 2,000, 4,000
/// </code>
/// so the Kaplan–Meier medians are: (0.3, 1) → 6,000; (0.5, 1) → 2,000; both WeightDecay 0.1 settings censored.
/// </summary>
static class SweepFixture
{
    public const string ExperimentId = "modular-sweep";
    public const long Budget = 10_000;
    public const long DivergedAt = 500;

    /// <summary>(TrainFraction, WeightDecay, Seed) → grokking step; null never groks; -1 diverges.</summary>
    public static readonly IReadOnlyDictionary<(string TrainFraction, string WeightDecay, int Seed), long?> Outcomes =
        new Dictionary<(string, string, int), long?>
        {
            [("0.3", "0.1", 0)] = -1, [("0.3", "0.1", 1)] = null, [("0.3", "0.1", 2)] = null,
            [("0.3", "1", 0)] = 3000, [("0.3", "1", 1)] = 6000, [("0.3", "1", 2)] = null,
            [("0.5", "0.1", 0)] = 8000, [("0.5", "0.1", 1)] = null, [("0.5", "0.1", 2)] = null,
            [("0.5", "1", 0)] = 1000, [("0.5", "1", 1)] = 2000, [("0.5", "1", 2)] = 4000,
        };

    static readonly long[] Steps = [0, 10, 20, 50, 100, 200, 500, 1000, 2000, 3000, 4000, 6000, 8000, 10000];

    public static string RunId(string trainFraction, string weightDecay, int seed) =>
        $"tf{trainFraction.Replace(".", "", StringComparison.Ordinal)}-wd{weightDecay.Replace(".", "", StringComparison.Ordinal)}-s{seed}";

    /// <summary>Writes the whole sweep under <paramref name="runsRoot"/>; returns the sweep directory.</summary>
    public static string Create(string runsRoot)
    {
        foreach (var ((trainFraction, weightDecay, seed), grokkedAt) in Outcomes)
            WriteRun(runsRoot, trainFraction, weightDecay, seed, grokkedAt);
        return Path.Combine(runsRoot, ExperimentId);
    }

    public static RunDirectory WriteRun(string runsRoot, string trainFraction, string weightDecay, int seed, long? grokkedAt, bool finished = true)
    {
        var run = RunDirectory.For(runsRoot, ExperimentId, RunId(trainFraction, weightDecay, seed));
        Directory.CreateDirectory(run.Path);
        run.WriteConfiguration(Configuration(trainFraction, weightDecay, seed));

        var diverged = grokkedAt == -1;
        var lastStep = diverged ? DivergedAt : Budget;
        var records = Steps.Where(step => step <= lastStep).Select(step => Record(step, grokkedAt, diverged && step == lastStep)).ToList();
        File.WriteAllLines(run.MetricsPath, records.Select(record => JsonSerializer.Serialize(record, RunJson.Line)));
        if (!finished) return run;

        var last = records[^1];
        run.WriteSummary(new RunSummary
        {
            ExperimentId = ExperimentId,
            RunId = RunId(trainFraction, weightDecay, seed),
            Status = diverged ? RunStatus.Diverged : grokkedAt is null ? RunStatus.Censored : RunStatus.Grokked,
            MemorizedAtStep = 200,
            GrokkedAtStep = grokkedAt is > 0 ? grokkedAt : null,
            FinalStep = last.Step,
            FinalTrainAccuracy = last.TrainAccuracy,
            FinalTestAccuracy = last.TestAccuracy ?? double.NaN,
            WallSeconds = last.WallSeconds,
            StepsPerSecond = 100,
            Device = "cpu",
            Divergence = diverged ? $"train loss NaN at step {DivergedAt}" : null,
        });
        return run;
    }

    static string Configuration(string trainFraction, string weightDecay, int seed) =>
        new JsonObject
        {
            ["Data"] = new JsonObject { ["Modulus"] = 97, ["Operation"] = "a+b", ["TrainFraction"] = JsonNode.Parse(trainFraction) },
            ["Experiment"] = ExperimentId,
            ["Optimizer"] = new JsonObject { ["LearningRate"] = 0.001, ["WeightDecay"] = JsonNode.Parse(weightDecay) },
            ["Seed"] = seed,
            ["Stopping"] = new JsonObject { ["MaxSteps"] = Budget },
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    // Train accuracy reaches 1 by step 200; test accuracy jumps to 0.99 at the grokking step and sits near 0.1
    // before it (or for ever). A diverged run's last record has NaN losses.
    static MetricRecord Record(long step, long? grokkedAt, bool divergedHere)
    {
        var train = Math.Min(1.0, 0.01 + step / 200.0);
        var test = grokkedAt is > 0 && step >= grokkedAt ? 0.99 : 0.05 + 0.05 * Math.Log10(step + 1) / 4;
        var loss = divergedHere ? double.NaN : 4.6 * (1 - train) + 0.001;
        return new MetricRecord(step, loss, train, divergedHere ? double.NaN : 5 * (1 - test), test, step / 100.0);
    }
}
