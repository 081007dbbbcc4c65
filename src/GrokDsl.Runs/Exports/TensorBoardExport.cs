namespace GrokDsl.Runs.Exports;

/// <summary>
/// Each run's metrics as a TensorBoard event file, in <c>DIR/&lt;experiment&gt;/&lt;run-id&gt;/</c> so that
/// <c>tensorboard --logdir DIR</c> shows one run per folder. Scalars: <c>train/loss</c>, <c>train/accuracy</c>,
/// <c>test/loss</c>, <c>test/accuracy</c> (at evaluations) and <c>measures/&lt;key&gt;</c>. Wall time is the run's start
/// (environment.json) plus its training seconds. Exporting again replaces a run's event file instead of adding one.
/// </summary>
public static class TensorBoardExport
{
    public const string FilePrefix = "events.out.tfevents.";

    /// <summary>Writes one event file per run that has metrics; returns their paths.</summary>
    public static IReadOnlyList<string> Write(IEnumerable<RunEntry> runs, string folder)
    {
        var written = new List<string>();
        foreach (var run in runs)
        {
            var records = run.Directory.ReadMetrics(out _);
            if (records.Count == 0) continue;
            var runFolder = Path.Combine(folder, run.ExperimentId, run.RunId);
            Directory.CreateDirectory(runFolder);
            foreach (var old in Directory.EnumerateFiles(runFolder, FilePrefix + "*")) File.Delete(old);
            var start = StartOf(run);
            var path = Path.Combine(runFolder, $"{FilePrefix}{(long)start}.grokdsl");
            using (var events = new TfRecordWriter(File.Create(path)))
            {
                events.Write(TensorBoardEvent.Version(start));
                foreach (var record in records) events.Write(TensorBoardEvent.Scalars(start + record.WallSeconds, record.Step, Scalars(record)));
            }
            written.Add(path);
        }
        return written;
    }

    public static IEnumerable<KeyValuePair<string, float>> Scalars(MetricRecord record)
    {
        yield return new("train/loss", (float)record.TrainLoss);
        yield return new("train/accuracy", (float)record.TrainAccuracy);
        if (record.TestLoss is { } testLoss) yield return new("test/loss", (float)testLoss);
        if (record.TestAccuracy is { } testAccuracy) yield return new("test/accuracy", (float)testAccuracy);
        if (record.Measures is not { } measures) yield break;
        foreach (var (key, value) in measures.OrderBy(m => m.Key, StringComparer.Ordinal)) yield return new($"measures/{key}", (float)value);
    }

    // Unix seconds; a run without a readable environment.json starts at the epoch (the curves are unchanged).
    static double StartOf(RunEntry run)
    {
        try
        {
            return run.Directory.ReadEnvironment()?.StartedAt.ToUnixTimeMilliseconds() / 1000.0 ?? 0;
        }
        catch (Exception e) when (e is DamagedRunFileException or IOException)
        {
            return 0;
        }
    }
}
