using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class SweepExclusionShapeAnalyzerTests
{
    [Theory]
    [InlineData("[[|SweepExclusion|]] static bool Static() => true;")]
    [InlineData("[[|SweepExclusion|]] bool WithParameter(int seed) => seed > 0;")]
    [InlineData("[[|SweepExclusion|]] bool Generic<T>() => true;")]
    [InlineData("[[|SweepExclusion|]] int NotABool() => 0;")]
    public Task ReportsMethodsTheSweepCannotCall(string method) => VerifyAsync<SweepExclusionShapeAnalyzer>(Experiment(method));

    [Fact]
    public Task ReportsAPrivateExclusionInABaseRecord() => VerifyAsync<SweepExclusionShapeAnalyzer>($$"""
        namespace Lab;

        public abstract record Baseline
        {
            [[|SweepExclusion|]] private bool Hidden() => true;
            [SweepExclusion] protected bool Visible() => false;
        }

        [Experiment("x", Source = "s")]
        public sealed partial record Sweeping : Baseline
        {
        {{Components}}
        }
        """);

    [Theory]
    [InlineData("[SweepExclusion] bool RedundantSeed() => Seed > 0;")]
    [InlineData("[SweepExclusion] public bool Public() => false;")]
    public Task AcceptsParameterlessBoolMethods(string method) => VerifyAsync<SweepExclusionShapeAnalyzer>(Experiment(method));

    static string Experiment(string method) => $$"""
        namespace Lab;

        [Experiment("x", Source = "s")]
        public sealed partial record Sweeping
        {
        {{Components}}
            [Sweep(0, 1)] public int Seed { get; init; }
            {{method}}
        }
        """;
}
