using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class UnknownMeasureIdAnalyzerTests
{
    static readonly Dictionary<string, string> ComponentsKnown = new() { [UnknownMeasureIdAnalyzer.ComponentsKnownProperty] = "true" };

    [Theory]
    [InlineData("""public IReadOnlyList<string> Measures { get; init; } = ["weight-norm", [|"fourier-sparsity"|]];""")]
    [InlineData("""public string[] Measures { get; init; } = [[|"Weight-Norm"|]];""")]
    public Task ReportsIdsNoKnownComponentDeclares(string measures) => VerifyAsync<UnknownMeasureIdAnalyzer>(Experiment(measures), ComponentsKnown);

    [Theory]
    [InlineData("""public IReadOnlyList<string> Measures { get; init; } = ["weight-norm", "fourier", "restricted-loss", "excluded-loss"];""")]
    [InlineData("""public IReadOnlyList<string> Measures { get; init; } = ["logit-margin"];""")]
    public Task AcceptsBuiltInAndLocallyDeclaredMeasures(string measures) => VerifyAsync<UnknownMeasureIdAnalyzer>(Experiment(measures), ComponentsKnown);

    [Fact]
    public Task IsSilentWhereTheBuildDoesNotClaimToKnowEveryPlugin() => VerifyAsync<UnknownMeasureIdAnalyzer>(
        Experiment("""public IReadOnlyList<string> Measures { get; init; } = ["from-a-runtime-plugin"];"""));

    // "logit-margin" stands for a plugin's options record the build references.
    static string Experiment(string measures) => $$"""
        namespace Lab;

        [Component(ComponentKind.Measure, "logit-margin")]
        public sealed record LogitMargin;

        [Experiment("x", Source = "s")]
        public sealed partial record Measured
        {
        {{Components}}
            {{measures}}
        }
        """;
}
