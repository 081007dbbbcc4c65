using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class WeightDecayIsZeroAnalyzerTests
{
    [Theory]
    [InlineData("public AdamW Optimizer { get; init; } = new() { [|WeightDecay = 0|] };")]
    [InlineData("public AdamW Optimizer { get; init; } = new AdamW { LearningRate = 1e-3, [|WeightDecay = 0.0|] };")]
    [InlineData("public AdamW Optimizer { get; init; } = Base with { [|WeightDecay = NoDecay|] };")]
    public Task ReportsZeroWeightDecayInAnExperiment(string optimizer) => VerifyAsync<WeightDecayIsZeroAnalyzer>($$"""
        namespace Lab;

        [Experiment("x", Source = "s")]
        public sealed partial record NoDecayControl
        {
            const double NoDecay = 0;
            static readonly AdamW Base = new() { WeightDecay = 1 };

            public ModularArithmetic Data { get; init; } = new();
            public Mlp Model { get; init; } = new();
            {{optimizer}}
        }
        """);

    [Fact]
    public Task IgnoresPositiveDecay_ComputedDecay_AndCodeOutsideExperiments() => VerifyAsync<WeightDecayIsZeroAnalyzer>($$"""
        namespace Lab;

        public static class Optimizers
        {
            public static AdamW Plain { get; } = new() { WeightDecay = 0 };
        }

        [Experiment("x", Source = "s")]
        public sealed partial record Decayed
        {
        {{Components}}
            [Sweep(0.0, 1.0)]
            public double WeightDecay { get => Optimizer.WeightDecay; init => Optimizer = Optimizer with { WeightDecay = value }; }
        }
        """);

    [Fact]
    public async Task IsAWarningThatNamesTheExperiment()
    {
        var diagnostic = Assert.Single(await RunAsync(new WeightDecayIsZeroAnalyzer(), """
            [Experiment("x", Source = "s")]
            public sealed partial record Control
            {
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 0 };
            }
            """));

        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith("Experiment 'Control' sets WeightDecay = 0", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
