using GrokDsl.Runs;

namespace GrokDsl.Runs.Tests;

public sealed class SweepManifestTests
{
    [Fact]
    public void The_analyses_written_beside_a_manifest_are_not_read_as_manifests()
    {
        using var folder = new TempFolder();
        var manifest = new SweepManifest("abc123", "lab", DateTimeOffset.UnixEpoch, ["run", "lab"], ["run0", "run1"]);
        manifest.WriteTo(folder.Path);
        // What `grokdsl dynamics` and `grokdsl predict` leave beside it.
        File.WriteAllText(Path.Combine(folder.Path, "sweep-abc123.dynamics.json"), """{"states": 3}""");
        File.WriteAllText(Path.Combine(folder.Path, "sweep-abc123.prediction.json"), """{"firstSteps": 500}""");

        var read = Assert.Single(SweepManifest.ReadAll(folder.Path));

        Assert.Equal("abc123", read.SweepId);
        Assert.Equal(["run0", "run1"], read.RunIds);
    }
}
