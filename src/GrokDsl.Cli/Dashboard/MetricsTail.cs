using System.Text;
using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Dashboard;

/// <summary>
/// Follows one run's growing <c>metrics.jsonl</c>: each call returns the records appended since the last one. A last
/// line still being written (no newline yet) waits for the next call; a file that shrank (rewritten on resume) is read
/// again from the start, and the batch says so.
/// </summary>
sealed class MetricsTail(string path)
{
    long _offset;

    public string Path => path;

    public MetricsBatch ReadNew()
    {
        if (!File.Exists(path)) return MetricsBatch.Empty;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var restarted = stream.Length < _offset;
        if (restarted) _offset = 0;
        if (stream.Length == _offset) return restarted ? new MetricsBatch([], Restarted: true) : MetricsBatch.Empty;
        stream.Seek(_offset, SeekOrigin.Begin);
        var bytes = new byte[stream.Length - _offset];
        stream.ReadExactly(bytes);
        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        _offset += complete;
        var records = new List<MetricRecord>();
        foreach (var line in Encoding.UTF8.GetString(bytes, 0, complete).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                if (JsonSerializer.Deserialize<MetricRecord>(line, RunJson.Line) is { } record) records.Add(record);
            }
            catch (JsonException)
            {
                // A damaged line is skipped, as MetricsFile.ReadChecked skips it; the run's report names it.
            }
        }
        return new MetricsBatch(records, restarted);
    }
}

/// <summary>The records a <see cref="MetricsTail"/> found; <paramref name="Restarted"/> when the file was read again from its start.</summary>
sealed record MetricsBatch(IReadOnlyList<MetricRecord> Records, bool Restarted)
{
    public static readonly MetricsBatch Empty = new([], false);
}
