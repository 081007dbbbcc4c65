using System.Text.Json;
using GrokDsl.Cli.Dashboard;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Tests;

/// <summary>How the dashboard follows a metrics stream that is being written: whole records only, once each.</summary>
public sealed class MetricsTailTests : IDisposable
{
    readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("grokdsl-tail-").FullName, RunDirectory.MetricsFileName);

    static string Line(long step) => JsonSerializer.Serialize(new MetricRecord(step, 1.0, 0.5, null, null, step / 100.0), RunJson.Line) + "\n";

    [Fact]
    public void A_partly_written_last_line_waits_for_its_end_and_a_rewritten_file_starts_over()
    {
        var tail = new MetricsTail(_path);
        Assert.Empty(tail.ReadNew().Records); // no file yet

        var second = Line(2);
        File.WriteAllText(_path, Line(1) + second[..10]);
        Assert.Equal([1L], tail.ReadNew().Records.Select(r => r.Step));

        File.AppendAllText(_path, second[10..] + Line(3));
        Assert.Equal([2L, 3L], tail.ReadNew().Records.Select(r => r.Step));
        Assert.Empty(tail.ReadNew().Records);

        // A resumed run rewrites its stream shorter: everything is read again, and the batch says so.
        File.WriteAllText(_path, Line(1));
        var again = tail.ReadNew();
        Assert.True(again.Restarted);
        Assert.Equal([1L], again.Records.Select(r => r.Step));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
}
