using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class SweepWithoutValuesAnalyzerTests
{
    [Theory]
    [InlineData("[[|Sweep|]] public int Seed { get; init; }")]
    [InlineData("[[|Sweep()|]] public int Seed { get; init; }")]
    [InlineData("[[|Sweep(null)|]] public string? Label { get; init; }")]
    [InlineData("[[|Sweep(new object[0])|]] public int Seed { get; init; }")]
    [InlineData("[[|SweepRange(9, 0)|]] public int Seed { get; init; }")]
    [InlineData("[[|SweepRange(0, 9, 0)|]] public int Seed { get; init; }")]
    [InlineData("[[|SweepRange(0.5, 0.1, 0.1)|]] public double Fraction { get; init; }")]
    [InlineData("[[|SweepLogRange(0.0, 1.0, 3)|]] public double Rate { get; init; }")]
    [InlineData("[[|SweepLogRange(1e-3, 1.0, 0)|]] public double Rate { get; init; }")]
    public Task ReportsSweepsWithoutValues(string property) => VerifyAsync<SweepWithoutValuesAnalyzer>(Experiment(property));

    [Theory]
    [InlineData("[Sweep(1)] public int Seed { get; init; }")]
    [InlineData("[Sweep(new object?[] { null })] public string? Label { get; init; }")]
    [InlineData("[SweepRange(9, 0, -1)] public int Seed { get; init; }")]
    [InlineData("[SweepRange(3, 3)] public int Seed { get; init; }")]
    [InlineData("[SweepLogRange(1e-3, 1e-3, 1)] public double Rate { get; init; }")]
    // Too many values is GROK0015's to report, with the count; the range is not empty.
    [InlineData("[SweepRange(0, 1_000_000)] public int Seed { get; init; }")]
    [InlineData("[SweepLogRange(1e-3, 1.0, 20_000)] public double Rate { get; init; }")]
    public Task AcceptsSweepsWithValues(string property) => VerifyAsync<SweepWithoutValuesAnalyzer>(Experiment(property));

    static string Experiment(string property) => $$"""
        namespace Lab;

        [Experiment("x", Source = "s")]
        public sealed partial record Sweeping
        {
        {{Components}}
            {{property}}
        }
        """;
}
