using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class ExperimentMissingComponentAnalyzerTests
{
    [Theory]
    [InlineData("Data", "dataset")]
    [InlineData("Model", "model")]
    [InlineData("Optimizer", "optimizer")]
    public async Task ReportsEachMissingComponent(string property, string role)
    {
        var properties = string.Join("\n", Components.Split('\n').Where(line => !line.Contains($" {property} ", StringComparison.Ordinal)));
        var source = $$"""
            namespace Lab;

            [Experiment("x", Source = "s")]
            public sealed partial record [|Incomplete|]
            {
            {{properties}}
            }
            """;

        await VerifyAsync<ExperimentMissingComponentAnalyzer>(source);
        var diagnostic = Assert.Single(await RunAsync(new ExperimentMissingComponentAnalyzer(), source.Replace("[|", "").Replace("|]", "")));
        Assert.Contains($"has no {role} property", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public Task AcceptsComponentsFromABaseRecordAndPluginOptions() => VerifyAsync<ExperimentMissingComponentAnalyzer>("""
        namespace Lab;

        [Component(ComponentKind.Model, "transformer")]
        public sealed record Transformer { public int Layers { get; init; } = 1; }

        public abstract record Baseline
        {
            public ModularArithmetic Data { get; init; } = new();
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
        }

        [Experiment("x", Source = "s")]
        public sealed partial record WithTransformer : Baseline
        {
            public Transformer Model { get; init; } = new();
        }
        """);

    // Two diagnostics on one span (dataset and model): the markup nests.
    [Fact]
    public Task IgnoresNonPublicAndStaticProperties() => VerifyAsync<ExperimentMissingComponentAnalyzer>("""
        namespace Lab;

        [Experiment("x", Source = "s")]
        public sealed partial record [|[|Hidden|]|]
        {
            internal ModularArithmetic Data { get; init; } = new();
            public static Mlp Model { get; } = new();
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
        }
        """);
}
