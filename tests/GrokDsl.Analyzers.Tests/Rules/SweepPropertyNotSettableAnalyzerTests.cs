using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class SweepPropertyNotSettableAnalyzerTests
{
    [Theory]
    [InlineData("[[|Sweep(1, 2)|]] public int Computed => 1;")]
    [InlineData("[[|Sweep(1, 2)|]] public int GetOnly { get; } = 1;")]
    [InlineData("[[|Sweep(1, 2)|]] internal int Internal { get; init; }")]
    [InlineData("[[|Sweep(1, 2)|]] public static int Static { get; set; }")]
    [InlineData("[[|SweepRange(0, 9)|]] public int Seed => 1;")]
    [InlineData("[[|SweepLogRange(1e-3, 1e-1, 3)|]] public double Rate { get; } = 1;")]
    public Task ReportsPropertiesASweepCannotAssign(string property) => VerifyAsync<SweepPropertyNotSettableAnalyzer>($$"""
        namespace Lab;

        [Experiment("x", Source = "s")]
        public sealed partial record Sweeping
        {
        {{Components}}
            {{property}}
        }
        """);

    [Theory]
    [InlineData("[Sweep(1, 2)] public int Seed { get; init; }")]
    [InlineData("[Sweep(1, 2)] public int Seed { get; set; }")]
    [InlineData("[Sweep(0.1, 1.0)] public double WeightDecay { get => Optimizer.WeightDecay; init => Optimizer = Optimizer with { WeightDecay = value }; }")]
    public Task AcceptsSettableProperties(string property) => VerifyAsync<SweepPropertyNotSettableAnalyzer>($$"""
        namespace Lab;

        [Experiment("x", Source = "s")]
        public sealed partial record Sweeping
        {
        {{Components}}
            {{property}}
        }
        """);
}
