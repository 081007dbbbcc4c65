using System.Text;
using System.Text.Json;

namespace GrokDsl.Runs;

/// <summary>
/// The append-only metrics stream. Each record is one JSON line, flushed as it is written; a line
/// torn by a crash is skipped on read (and reported), never fatal.
/// </summary>
public sealed class MetricsFile : IDisposable
{
    readonly FileStream _stream;

    MetricsFile(FileStream stream) => _stream = stream;

    public static MetricsFile Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read));

    /// <summary>
    /// Reopens a stream for a run resumed at <paramref name="resumeStep"/>: records from that step on
    /// (written after the checkpoint) and a torn last line are dropped, atomically, then appending continues.
    /// </summary>
    public static MetricsFile Resume(string path, long resumeStep)
    {
        var kept = Read(path, out _).Where(r => r.Step < resumeStep)
            .Select(r => JsonSerializer.Serialize(r, RunJson.Line) + "\n");
        AtomicFile.WriteAllText(path, string.Concat(kept));
        return new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
    }

    public void Append(MetricRecord record)
    {
        var line = JsonSerializer.Serialize(record, RunJson.Line) + "\n";
        _stream.Write(Encoding.UTF8.GetBytes(line));
        _stream.Flush();
    }

    public void Dispose()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
    }

    /// <summary>Reads every complete record; <paramref name="skippedLines"/> counts lines that did not parse.</summary>
    public static IReadOnlyList<MetricRecord> Read(string path, out int skippedLines)
    {
        skippedLines = 0;
        var records = new List<MetricRecord>();
        if (!File.Exists(path)) return records;
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            try
            {
                records.Add(JsonSerializer.Deserialize<MetricRecord>(line, RunJson.Line)!);
            }
            catch (JsonException)
            {
                skippedLines++;
            }
        }
        return records;
    }
}
