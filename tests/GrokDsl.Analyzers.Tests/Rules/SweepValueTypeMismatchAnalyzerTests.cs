using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class SweepValueTypeMismatchAnalyzerTests
{
    [Theory]
    [InlineData("[Sweep(1, [|\"two\"|])] public int Seed { get; init; }")]
    [InlineData("[Sweep(0.1f, [|1.0|])] public float Scale { get; init; }")]
    [InlineData("[Sweep([|0.5|])] public int Width { get; init; }")]
    [InlineData("[Sweep([|300|])] public byte Small { get; init; }")]
    [InlineData("[Sweep(\"a+b\", [|null|])] public string Operation { get; init; } = \"a+b\";")]
    [InlineData("[Sweep([|1|], [|2|])] public Norm Normalization { get; init; }")]
    [InlineData("[Sweep(new object[] { 1, [|2.5|] })] public int Explicit { get; init; }")]
    [InlineData("[[|SweepRange(0.1, 0.5, 0.1)|]] public int Width { get; init; }")]
    [InlineData("[[|SweepLogRange(1e-4, 1e-1, 4)|]] public float Rate { get; init; }")]
    public Task ReportsValuesTheGeneratedArrayWouldReject(string property) => VerifyAsync<SweepValueTypeMismatchAnalyzer>(Experiment(property));

    [Theory]
    [InlineData("[Sweep(0, 1, 2)] public int Seed { get; init; }")]
    [InlineData("[Sweep(1, 2.5, 1e-3)] public double Rate { get; init; }")]
    [InlineData("[Sweep(1, 2)] public long Steps { get; init; }")]
    [InlineData("[Sweep(1, 255)] public byte Small { get; init; }")]
    [InlineData("[Sweep(1.5f, 2)] public float Scale { get; init; }")]
    [InlineData("[Sweep(\"a\", null)] public string? Label { get; init; }")]
    [InlineData("[Sweep(1, null)] public int? Maybe { get; init; }")]
    [InlineData("[Sweep(Norm.Layer, Norm.Batch)] public Norm Normalization { get; init; }")]
    [InlineData("[SweepRange(0, 9)] public long Seed { get; init; }")]
    [InlineData("[SweepRange(0, 8, 2)] public double Even { get; init; }")]
    [InlineData("[SweepLogRange(1e-4, 1e-1, 4)] public double Rate { get; init; }")]
    public Task AcceptsValuesThatConvertImplicitly(string property) => VerifyAsync<SweepValueTypeMismatchAnalyzer>(Experiment(property));

    [Fact]
    public Task ChecksPositionalRecordProperties() => VerifyAsync<SweepValueTypeMismatchAnalyzer>($$"""
        namespace Lab;

        [Experiment("x", Source = "s")]
        public sealed partial record Positional([property: Sweep(1, [|"two"|])] int Seed)
        {
        {{Components}}
        }
        """);

    static string Experiment(string property) => $$"""
        namespace Lab;

        public enum Norm { Layer, Batch }

        [Experiment("x", Source = "s")]
        public sealed partial record Sweeping
        {
        {{Components}}
            {{property}}
        }
        """;
}
