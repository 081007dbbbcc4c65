using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class InvalidIdAnalyzerTests
{
    [Theory]
    [InlineData("../../x")]
    [InlineData("/abs/path")]
    [InlineData("a/b")]
    [InlineData("a\\\\b")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("with space")]
    [InlineData("")]
    [InlineData("a-very-long-id-that-goes-on-and-on-well-past-the-sixty-four-character-limit")]
    public Task ReportsABadExperimentId(string id) => VerifyAsync<InvalidIdAnalyzer>($$"""
        namespace Lab;

        [Experiment([|"{{id}}"|], Source = "s")]
        public sealed partial record Bad
        {
        {{Components}}
        }
        """);

    [Fact]
    public Task ReportsABadComponentId() => VerifyAsync<InvalidIdAnalyzer>("""
        namespace Lab;

        [Component(ComponentKind.Dataset, [|"../data"|])]
        public sealed record Sneaky
        {
            public int Size { get; init; }
        }
        """);

    [Theory]
    [InlineData("modular-addition")]
    [InlineData("power-2022.addition_v2")]
    [InlineData("A1")]
    public Task AcceptsIdsInTheCharacterSet(string id) => VerifyAsync<InvalidIdAnalyzer>($$"""
        namespace Lab;

        [Experiment("{{id}}", Source = "s")]
        public sealed partial record Good
        {
        {{Components}}
        }
        """);
}
