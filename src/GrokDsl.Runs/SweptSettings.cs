namespace GrokDsl.Runs;

/// <summary>
/// What a run of a sweep was swept over: the settings in which the runs of its sweep (one manifest,
/// <see cref="SweepManifest"/>) differ, with this run's values, e.g. "Optimizer.WeightDecay=0.3". The seed is left
/// out, as listings show it in a column of its own.
/// </summary>
public static class SweptSettings
{
    public const string SeedKey = "Seed";

    /// <summary>
    /// Run id → its swept values ("Data.TrainFraction=0.5 · Optimizer.WeightDecay=1"), for the runs of
    /// <paramref name="entries"/> that belong to a sweep; a run in several sweeps takes its newest one's.
    /// </summary>
    /// <exception cref="InvalidDataException">A sweep manifest is not valid JSON; the message names the file.</exception>
    public static IReadOnlyDictionary<string, string> Of(string runsRoot, IEnumerable<RunEntry> entries)
    {
        var swept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var experiment in entries.GroupBy(e => e.ExperimentId, StringComparer.Ordinal))
        {
            var listed = experiment.Select(e => e.RunId).ToHashSet(StringComparer.Ordinal);
            // Oldest first, so that the newest sweep of a run is the one it keeps.
            foreach (var manifest in SweepManifest.ReadAll(RunDirectory.ExperimentFolder(runsRoot, experiment.Key)))
            {
                if (!manifest.RunIds.Any(listed.Contains)) continue;
                var settings = manifest.RunIds
                    .Select(id => RunDirectory.For(runsRoot, experiment.Key, id))
                    .Where(directory => File.Exists(directory.ConfigurationPath))
                    .ToDictionary(directory => System.IO.Path.GetFileName(directory.Path), directory => RunStore.Entry(directory).Settings(), StringComparer.Ordinal);
                var differing = DifferingKeys(settings.Values);
                foreach (var (runId, values) in settings)
                {
                    if (!listed.Contains(runId)) continue;
                    swept[runId] = string.Join(" · ", differing.Select(key => $"{key}={(values.TryGetValue(key, out var value) ? value : "-")}"));
                }
            }
        }
        return swept;
    }

    static List<string> DifferingKeys(ICollection<IReadOnlyDictionary<string, string>> runs)
    {
        var keys = runs.SelectMany(r => r.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Where(k => !string.Equals(k, SeedKey, StringComparison.OrdinalIgnoreCase));
        return [.. keys.Where(key => runs.Select(r => r.TryGetValue(key, out var value) ? value : null).Distinct().Count() > 1).Order(StringComparer.Ordinal)];
    }
}
