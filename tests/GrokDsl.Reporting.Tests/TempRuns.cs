using GrokDsl.Runs;

namespace GrokDsl.Reporting.Tests;

/// <summary>A throw-away runs root; each test gets its own so tests can run in parallel.</summary>
sealed class TempRuns : IDisposable
{
    public TempRuns() => Root = Directory.CreateTempSubdirectory("grokdsl-reporting-").FullName;

    public string Root { get; }

    public RunDirectory NewRun(string experimentId = "modular-addition", string runId = "0a1b2c3d4e5f")
    {
        var run = RunDirectory.For(Root, experimentId, runId);
        Directory.CreateDirectory(run.Path);
        return run;
    }

    /// <summary>A copy of the checked-in grokked run, so tests that write into it leave the fixture alone.</summary>
    public RunDirectory CopyOfFixture()
    {
        var run = NewRun(Fixture.ExperimentId, Fixture.RunId);
        foreach (var file in Directory.GetFiles(Fixture.Run.Path))
            File.Copy(file, Path.Combine(run.Path, Path.GetFileName(file)));
        return run;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
