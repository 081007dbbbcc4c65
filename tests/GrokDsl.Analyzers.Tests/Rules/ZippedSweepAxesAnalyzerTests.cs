using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class ZippedSweepAxesAnalyzerTests
{
    [Theory]
    [InlineData("""
        [Sweep(1.0, 2.0, 3.0, Zip = "pair")] public double A { get; init; }
        [[|Sweep(1, 2, Zip = "pair")|]] public int B { get; init; }
        """)]
    [InlineData("""
        [SweepLogRange(1e-4, 1e-2, 3, Zip = "schedule")] public double Rate { get; init; }
        [[|SweepRange(0, 9, Zip = "schedule")|]] public int Warmup { get; init; }
        [[|Sweep(1, Zip = "schedule")|]] public int Other { get; init; }
        """)]
    public Task ReportsEveryAxisThatDiffersFromTheFirstOfItsGroup(string properties) =>
        VerifyAsync<ZippedSweepAxesAnalyzer>(Experiment(properties));

    [Fact]
    public Task MeasuresAgainstTheBaseRecordsAxisFirst() => VerifyAsync<ZippedSweepAxesAnalyzer>($$"""
        namespace Lab;

        public abstract record Baseline
        {
            [Sweep(1, 2, Zip = "pair")] public int A { get; init; }
        }

        [Experiment("x", Source = "s")]
        public sealed partial record Sweeping : Baseline
        {
        {{Components}}
            [[|Sweep(1, 2, 3, Zip = "pair")|]] public int B { get; init; }
        }
        """);

    [Theory]
    [InlineData("""
        [SweepLogRange(1e-4, 1e-2, 3, Zip = "schedule")] public double Rate { get; init; }
        [SweepRange(0, 2, Zip = "schedule")] public int Warmup { get; init; }
        """)]
    [InlineData("""
        [Sweep(1, 2, Zip = "a")] public int A { get; init; }
        [Sweep(1, 2, 3, Zip = "b")] public int B { get; init; }
        [Sweep(1, 2, 3)] public int Seed { get; init; }
        """)]
    public Task AcceptsGroupsOfEqualLength(string properties) => VerifyAsync<ZippedSweepAxesAnalyzer>(Experiment(properties));

    static string Experiment(string properties) => $$"""
        namespace Lab;

        [Experiment("x", Source = "s")]
        public sealed partial record Sweeping
        {
        {{Components}}
        {{properties}}
        }
        """;
}
