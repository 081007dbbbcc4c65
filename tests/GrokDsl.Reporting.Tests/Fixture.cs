using GrokDsl.Runs;

namespace GrokDsl.Reporting.Tests;

/// <summary>The checked-in run under Fixtures/: modular addition, memorized at step 200, grokked at 5,000.</summary>
static class Fixture
{
    public const string ExperimentId = "modular-addition";
    public const string RunId = "3f9c2a7d0b1e";
    public const string Source = "Power et al. 2022, arXiv:2201.02177";
    public const string ReproduceCommand = "grokdsl run experiments/ModularAddition.cs --seed 0";

    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 22, 20, 48, 3, TimeSpan.Zero);

    public static RunDirectory Run { get; } =
        RunDirectory.For(Path.Combine(AppContext.BaseDirectory, "Fixtures"), ExperimentId, RunId);

    public static RunReport Load(RunDirectory? run = null) =>
        RunReport.Load(run ?? Run, ReproduceCommand, Source, GeneratedAt, grokDslVersion: "0.0.0-test");
}
