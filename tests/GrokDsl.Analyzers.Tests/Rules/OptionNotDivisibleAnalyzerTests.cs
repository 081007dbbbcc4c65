using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class OptionNotDivisibleAnalyzerTests
{
    [Theory]
    [InlineData("public Transformer Model { get; init; } = new() { [|Width = 130|], Heads = 4 };")]
    [InlineData("public Transformer Model { get; init; } = new Transformer() with { Heads = 3, [|Width = 128|] };")]
    public Task ReportsAWidthTheHeadsDoNotDivide(string model) => VerifyAsync<OptionNotDivisibleAnalyzer>(Experiment(model));

    [Theory]
    [InlineData("public Transformer Model { get; init; } = new() { Width = 128, Heads = 4 };")]
    [InlineData("public Transformer Model { get; init; } = new() { Width = 130 };")]
    [InlineData("public Transformer Model { get; init; } = new() { Width = 128, Heads = 0 };")]
    public Task AcceptsDivisibleValuesAndWhatItCannotSee(string model) => VerifyAsync<OptionNotDivisibleAnalyzer>(Experiment(model));

    [Fact]
    public Task ChecksPluginOptionRecordsThatDeclareTheRule() => VerifyAsync<OptionNotDivisibleAnalyzer>($$"""
        namespace Lab;

        public sealed record Grouped
        {
            public int Groups { get; init; } = 2;
            [DivisibleBy(nameof(Groups))] public int Channels { get; init; } = 8;
        }

        public static class Uses
        {
            public static Grouped Bad { get; } = new() { Groups = 3, [|Channels = 8|] };
            public static Grouped Good { get; } = new() { Groups = 4, Channels = 8 };
        }
        """);

    static string Experiment(string model) => $$"""
        namespace Lab;

        [Experiment("x", Source = "s")]
        public sealed partial record Divisible
        {
            public ModularArithmetic Data { get; init; } = new();
            {{model}}
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
        }
        """;
}
