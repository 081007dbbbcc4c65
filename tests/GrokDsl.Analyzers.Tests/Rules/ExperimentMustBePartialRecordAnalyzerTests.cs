using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class ExperimentMustBePartialRecordAnalyzerTests
{
    [Theory]
    [InlineData("public sealed record [|NotPartial|]")]
    [InlineData("public sealed partial class [|NotARecord|]")]
    [InlineData("public partial record [|Generic|]<T>")]
    public Task ReportsTypesTheGeneratorCannotExtend(string declaration) => VerifyAsync<ExperimentMustBePartialRecordAnalyzer>($$"""
        namespace Lab;

        [Experiment("x", Source = "s")]
        {{declaration}}
        {
        {{Components}}
        }
        """);

    [Fact]
    public Task ReportsNestedExperiments() => VerifyAsync<ExperimentMustBePartialRecordAnalyzer>($$"""
        namespace Lab;

        public static partial class Outer
        {
            [Experiment("x", Source = "s")]
            public sealed partial record [|Nested|]
            {
            {{Components}}
            }
        }
        """);

    [Fact]
    public Task AcceptsPartialRecords_InAnyDeclarationOrder() => VerifyAsync<ExperimentMustBePartialRecordAnalyzer>($$"""
        namespace Lab;

        public sealed partial record Split;

        [Experiment("x", Source = "s")]
        public sealed partial record Split
        {
        {{Components}}
        }

        public sealed record NotAnExperiment;
        """);

    [Fact]
    public async Task MessageSaysWhatIsWrong()
    {
        var diagnostic = Assert.Single(await RunAsync(new ExperimentMustBePartialRecordAnalyzer(), $$"""
            [Experiment("x", Source = "s")]
            public sealed record NotPartial
            {
            {{Components}}
            }
            """));

        Assert.Equal(
            "Experiment 'NotPartial' is not partial; the generator only extends a non-generic partial record class declared in a namespace",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
    }
}
