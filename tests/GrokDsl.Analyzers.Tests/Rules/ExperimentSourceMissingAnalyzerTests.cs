using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class ExperimentSourceMissingAnalyzerTests
{
    [Theory]
    [InlineData("[|Experiment(\"x\")|]")]
    [InlineData("[|Experiment(\"x\", Source = \"  \")|]")]
    [InlineData("[|Experiment(\"x\", Source = null)|]")]
    public Task ReportsExperimentsWithoutASource(string attribute) => VerifyAsync<ExperimentSourceMissingAnalyzer>(Experiment(attribute));

    [Fact]
    public Task AcceptsExperimentsThatCiteASource() =>
        VerifyAsync<ExperimentSourceMissingAnalyzer>(Experiment("Experiment(\"x\", Source = \"Power et al. 2022, arXiv:2201.02177\")"));

    [Fact]
    public async Task IsInformational()
    {
        var diagnostic = Assert.Single(await RunAsync(new ExperimentSourceMissingAnalyzer(), Experiment("Experiment(\"x\")")));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostic.Severity);
    }

    static string Experiment(string attribute) => $$"""
        namespace Lab;

        [{{attribute}}]
        public sealed partial record Cited
        {
        {{Components}}
        }
        """;
}
