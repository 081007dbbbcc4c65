using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class DuplicateExperimentIdAnalyzerTests
{
    [Fact]
    public Task ReportsEveryExperimentSharingAnId_IgnoringCase() => VerifyAsync<DuplicateExperimentIdAnalyzer>($$"""
        namespace Lab;

        [Experiment([|"mod-add"|], Source = "s")]
        public sealed partial record First
        {
        {{Components}}
        }

        [Experiment([|"Mod-Add"|], Source = "s")]
        public sealed partial record Second
        {
        {{Components}}
        }
        """);

    [Fact]
    public Task AcceptsDistinctIds() => VerifyAsync<DuplicateExperimentIdAnalyzer>($$"""
        namespace Lab;

        [Experiment("mod-add", Source = "s")]
        public sealed partial record First
        {
        {{Components}}
        }

        [Experiment("mod-sub", Source = "s")]
        public sealed partial record Second
        {
        {{Components}}
        }
        """);

    [Fact]
    public async Task MessageNamesTheOtherExperiment()
    {
        var diagnostics = await RunAsync(new DuplicateExperimentIdAnalyzer(), $$"""
            namespace Lab;
            [Experiment("same")] public sealed partial record A { {{Components}} }
            [Experiment("same")] public sealed partial record B { {{Components}} }
            """);

        Assert.Equal(
            ["Experiment id 'same' is also used by 'Lab.A'; ids name run folders and must be unique, ignoring case",
             "Experiment id 'same' is also used by 'Lab.B'; ids name run folders and must be unique, ignoring case"],
            diagnostics.Select(static d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
    }
}
