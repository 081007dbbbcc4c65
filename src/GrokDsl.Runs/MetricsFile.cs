using System.Text;
using System.Text.Json;

namespace GrokDsl.Runs;

/// <summary>
/// The append-only metrics stream. Each record is one JSON line, flushed as it is written; a line
/// torn by a crash is skipped on read and reported (<see cref="MetricsReading.Problems"/>), never fatal.
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
    /// What was dropped for being damaged is reported through <paramref name="warn"/>, naming the file and line.
    /// </summary>
    public static MetricsFile Resume(string path, long resumeStep, Action<string>? warn = null)
    {
        var reading = ReadChecked(path);
        foreach (var problem in reading.Problems) warn?.Invoke(problem);
        var kept = reading.Records.Where(r => r.Step < resumeStep)
            .Select(r => JsonSerializer.Serialize(r, RunJson.Line) + "\n");
        AtomicFile.WriteAllText(path, string.Concat(kept));
        return new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
    }

    /// <summary>
    /// Opens a stream to append to, as a post-hoc pass does after training. A torn last line is dropped first (reported
    /// through <paramref name="warn"/>), so that the next record starts on a line of its own; nothing else changes.
    /// </summary>
    public static MetricsFile Append(string path, Action<string>? warn = null)
    {
        var reading = ReadChecked(path);
        if (reading.TornLastLine)
        {
            warn?.Invoke(reading.Problems[0]);
            var text = File.ReadAllText(path);
            AtomicFile.WriteAllText(path, text[..(text.LastIndexOf('\n') + 1)]);
        }
        return new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
    }

    /// <summary>Rewrites the stream without the records of post-hoc passes (<see cref="MetricRecord.Pass"/>), for a pass that starts over.</summary>
    public static void RemovePasses(string path)
    {
        var kept = ReadChecked(path).Records.Where(r => r.Pass is null).Select(r => JsonSerializer.Serialize(r, RunJson.Line) + "\n");
        AtomicFile.WriteAllText(path, string.Concat(kept));
    }

    /// <summary>The last record written and flushed by this instance, or null; what a failed run's summary reports as reached.</summary>
    public MetricRecord? LastAppended { get; private set; }

    public void Append(MetricRecord record)
    {
        var line = JsonSerializer.Serialize(record, RunJson.Line) + "\n";
        _stream.Write(Encoding.UTF8.GetBytes(line));
        _stream.Flush();
        LastAppended = record;
    }

    public void Dispose()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
    }

    /// <summary>
    /// Reads every complete record as analysis reads them, post-hoc passes merged in (<see cref="MetricsView.Merged"/>);
    /// <paramref name="skippedLines"/> counts lines that did not parse. <see cref="ReadChecked"/> gives the lines as written.
    /// </summary>
    public static IReadOnlyList<MetricRecord> Read(string path, out int skippedLines)
    {
        var reading = ReadChecked(path);
        skippedLines = reading.SkippedLines;
        return MetricsView.Merged(reading.Records);
    }

    /// <summary>Reads every complete record and says what was skipped: a torn last line apart from damage further up.</summary>
    /// <exception cref="DamagedRunFileException">The file exists but cannot be read.</exception>
    public static MetricsReading ReadChecked(string path)
    {
        var records = new List<MetricRecord>();
        var damaged = new List<int>();
        if (!File.Exists(path)) return new MetricsReading(path, records, damaged, TornLastLine: false);
        var lineNumber = 0;
        var endsWithNewline = true;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                endsWithNewline = stream.ReadByte() == '\n';
                stream.Seek(0, SeekOrigin.Begin);
            }
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0) continue;
                try
                {
                    records.Add(JsonSerializer.Deserialize<MetricRecord>(line, RunJson.Line) ?? throw new JsonException("null record"));
                }
                catch (JsonException)
                {
                    damaged.Add(lineNumber);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DamagedRunFileException(path, $"cannot be read ({e.Message})", e);
        }
        // A line torn by a crash is the last one and has no newline; damage anywhere else is not a torn write.
        var torn = damaged.Count > 0 && !endsWithNewline && damaged[^1] == lineNumber;
        return new MetricsReading(path, records, torn ? damaged[..^1] : damaged, torn);
    }
}

/// <summary>What reading <c>metrics.jsonl</c> found.</summary>
/// <param name="DamagedLines">Line numbers (1-based) that did not parse, other than a torn last line.</param>
/// <param name="TornLastLine">The last line was cut short (no newline, not a record): what a crash mid-write leaves.</param>
public sealed record MetricsReading(string Path, IReadOnlyList<MetricRecord> Records, IReadOnlyList<int> DamagedLines, bool TornLastLine)
{
    public int SkippedLines => DamagedLines.Count + (TornLastLine ? 1 : 0);

    /// <summary>One sentence per problem, naming the file and the line; empty when the stream is intact.</summary>
    public IReadOnlyList<string> Problems =>
    [
        .. TornLastLine ? [$"{Path}: the last line is torn (cut short mid-record by a crash); it was left out, {Records.Count} record(s) read"] : Array.Empty<string>(),
        .. DamagedLines.Count > 0 ? [$"{Path}: line(s) {string.Join(", ", DamagedLines.Take(5))}{(DamagedLines.Count > 5 ? ", ..." : "")} are not valid records and were left out"] : Array.Empty<string>(),
    ];
}
