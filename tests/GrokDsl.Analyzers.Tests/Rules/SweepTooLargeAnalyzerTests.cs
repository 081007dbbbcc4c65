using Microsoft.CodeAnalysis;
using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class SweepTooLargeAnalyzerTests
{
    const string ThreeAxesOfAThousand = """
            [SweepRange(1, 1000)] public int Width { get; init; }
            [SweepRange(1, 1000)] public int Depth { get; init; }
            [SweepRange(0, 999)] public int Seed { get; init; }
        """;

    [Fact]
    public Task ReportsASweepOfABillionRuns_AtTheExperimentId() => VerifyAsync<SweepTooLargeAnalyzer>(Experiment("[|\"big\"|]", ThreeAxesOfAThousand));

    [Fact]
    public async Task TheMessageGivesTheCountAndTheLimit()
    {
        var diagnostic = Assert.Single(await RunAsync(new SweepTooLargeAnalyzer(), Experiment("\"big\"", ThreeAxesOfAThousand)));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("has 1,000,000,000 runs, more than the limit of 10,000 runs", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public Task ReportsAnAxisWithMoreValuesThanTheGeneratorLists() =>
        VerifyAsync<SweepTooLargeAnalyzer>(Experiment("\"x\"", "[[|SweepRange(0, 1_000_000)|]] public int Seed { get; init; }"));

    [Fact]
    public Task CountsZippedAxesOnce() => VerifyAsync<SweepTooLargeAnalyzer>(Experiment("\"zipped\"", """
            [SweepRange(1, 100, Zip = "z")] public int Width { get; init; }
            [SweepRange(1, 100, Zip = "z")] public int Depth { get; init; }
            [SweepRange(0, 99)] public int Seed { get; init; }
        """));

    [Fact]
    public Task AcceptsASweepAtTheLimit() => VerifyAsync<SweepTooLargeAnalyzer>(Experiment("\"limit\"", """
            [SweepRange(1, 100)] public int Width { get; init; }
            [SweepRange(0, 99)] public int Seed { get; init; }
        """));

    [Fact]
    public Task TheBuildCanRaiseTheLimit() => VerifyAsync<SweepTooLargeAnalyzer>(
        Experiment("\"big\"", ThreeAxesOfAThousand),
        new Dictionary<string, string> { [SweepTooLargeAnalyzer.MaxRunsProperty] = "1000000000" });

    static string Experiment(string id, string properties) => $$"""
        namespace Lab;

        [Experiment({{id}}, Source = "s")]
        public sealed partial record Sweeping
        {
        {{Components}}
        {{properties}}
        }
        """;
}
