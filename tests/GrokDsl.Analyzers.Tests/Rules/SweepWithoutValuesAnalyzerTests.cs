using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class SweepWithoutValuesAnalyzerTests
{
    [Theory]
    [InlineData("[[|Sweep|]] public int Seed { get; init; }")]
    [InlineData("[[|Sweep()|]] public int Seed { get; init; }")]
    [InlineData("[[|Sweep(null)|]] public string? Label { get; init; }")]
    [InlineData("[[|Sweep(new object[0])|]] public int Seed { get; init; }")]
    public Task ReportsSweepsWithoutValues(string property) => VerifyAsync<SweepWithoutValuesAnalyzer>(Experiment(property));

    [Theory]
    [InlineData("[Sweep(1)] public int Seed { get; init; }")]
    [InlineData("[Sweep(new object?[] { null })] public string? Label { get; init; }")]
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
