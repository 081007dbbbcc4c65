using Snapshooter.Xunit;

namespace GrokDsl.Reporting.Tests;

public sealed class RunReportSnapshotTests
{
    [Fact]
    public void GrokkedRun()
    {
        // Real timestamp and version on purpose: the scrubber, not the fixture, keeps the snapshot stable.
        var report = RunReport.Load(Fixture.Run, Fixture.ReproduceCommand, Fixture.Source);

        var html = RunReportWriter.Render(report);

        Snapshot.Match(ReportHtml.Scrub(html));
    }
}
