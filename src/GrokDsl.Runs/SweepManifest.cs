using System.Text.Json;

namespace GrokDsl.Runs;

/// <summary>
/// A sweep's identity: the runs one invocation of <c>grokdsl sweep</c> (or <c>run</c> of a sweep) made, and its
/// command line, in <c>&lt;runs&gt;/&lt;experiment-id&gt;/sweep-&lt;sweep-id&gt;.json</c> beside its report. The experiment
/// folder holds every run ever made for the experiment; a sweep report covers exactly the runs of one manifest.
/// </summary>
/// <param name="SweepId">A hash of the run ids: the same sweep invoked again has the same id (and rewrites its manifest).</param>
/// <param name="Command">The arguments after <c>grokdsl</c> that run the sweep again.</param>
/// <param name="RunIds">The sweep's runs, in sweep order.</param>
public sealed record SweepManifest(string SweepId, string ExperimentId, DateTimeOffset CreatedAt, IReadOnlyList<string> Command, IReadOnlyList<string> RunIds)
{
    const string Prefix = "sweep-";

    /// <summary>The sweep report's file in the experiment folder, beside the run folders and the manifest.</summary>
    public string ReportFileName => $"{Prefix}{SweepId}.html";

    public string PathIn(string experimentFolder) => Path.Combine(experimentFolder, $"{Prefix}{SweepId}.json");

    public void WriteTo(string experimentFolder)
    {
        Directory.CreateDirectory(experimentFolder);
        AtomicFile.WriteAllText(PathIn(experimentFolder), JsonSerializer.Serialize(this, RunJson.Indented));
    }

    /// <summary>The experiment folder's manifests, oldest first.</summary>
    /// <exception cref="InvalidDataException">A manifest is not valid JSON; the message names the file.</exception>
    public static IReadOnlyList<SweepManifest> ReadAll(string experimentFolder)
    {
        if (!Directory.Exists(experimentFolder)) return [];
        var manifests = new List<SweepManifest>();
        foreach (var file in Directory.GetFiles(experimentFolder, $"{Prefix}*.json").Order(StringComparer.Ordinal))
        {
            // sweep-<id>.json only: the analyses of a sweep sit beside it as sweep-<id>.<analysis>.json.
            if (Path.GetFileNameWithoutExtension(file).Contains('.')) continue;
            try
            {
                manifests.Add(JsonSerializer.Deserialize<SweepManifest>(File.ReadAllText(file), RunJson.Indented)
                              ?? throw new JsonException("the file holds null"));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{file}: not a sweep manifest ({e.Message}); remove it or run the sweep again to rewrite it.", e);
            }
        }
        return [.. manifests.OrderBy(m => m.CreatedAt)];
    }
}
