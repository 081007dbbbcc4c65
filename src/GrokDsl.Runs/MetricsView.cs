namespace GrokDsl.Runs;

/// <summary>
/// The metrics of a run as analysis and reports read them: the training records, with what a post-hoc pass
/// (<c>grokdsl measure</c>) measured on the stored checkpoints merged in. A measure the pass reported is taken from
/// the pass only: its live values (e.g. a restricted loss whose key frequencies moved at every measurement) are left
/// out, so that one curve never mixes two definitions. Pass values go into the training record of their step; a pass
/// step without one (a checkpoint between evaluations) becomes a record of its own. Later pass lines win. In the merged
/// view, <see cref="MetricRecord.Pass"/> marks the records that hold values of a pass.
/// </summary>
public static class MetricsView
{
    /// <summary>The <see cref="MetricRecord.Pass"/> of records written by <c>grokdsl measure</c>.</summary>
    public const string PostHocPass = "post-hoc";

    /// <summary>The records as analysis reads them; the very list given when no record comes from a pass.</summary>
    public static IReadOnlyList<MetricRecord> Merged(IReadOnlyList<MetricRecord> records)
    {
        if (records.All(r => r.Pass is null)) return records;
        var passes = records.Where(r => r.Pass is not null).ToList();
        var passMeasures = passes.SelectMany(r => r.Measures?.Keys ?? []).Select(MeasureId).ToHashSet(StringComparer.Ordinal);

        var byStep = new SortedDictionary<long, MetricRecord>();
        foreach (var record in records.Where(r => r.Pass is null))
            byStep[record.Step] = record with { Measures = WithoutMeasures(record.Measures, passMeasures) };
        foreach (var pass in passes)
        {
            if (!byStep.TryGetValue(pass.Step, out var record))
            {
                byStep[pass.Step] = pass;
                continue;
            }
            var measures = new Dictionary<string, double>(record.Measures ?? new Dictionary<string, double>());
            foreach (var (key, value) in pass.Measures ?? new Dictionary<string, double>()) measures[key] = value;
            byStep[pass.Step] = record with { Measures = measures, Pass = pass.Pass };
        }
        return [.. byStep.Values];
    }

    /// <summary>Whether a post-hoc pass has written any record.</summary>
    public static bool HasPass(IReadOnlyList<MetricRecord> records) => records.Any(r => r.Pass is not null);

    /// <summary>The measure id of a "measure-id.name" key.</summary>
    public static string MeasureId(string key) => key.IndexOf('.') is var dot and > 0 ? key[..dot] : key;

    static IReadOnlyDictionary<string, double>? WithoutMeasures(IReadOnlyDictionary<string, double>? measures, HashSet<string> left)
    {
        if (measures is null) return null;
        var kept = measures.Where(m => !left.Contains(MeasureId(m.Key))).ToDictionary(m => m.Key, m => m.Value);
        return kept.Count == 0 ? null : kept;
    }
}
