using System.Text.Json;

namespace GrokDsl.Runs;

/// <summary>
/// A sweep's identity: the runs one invocation of <c>grokdsl sweep</c> (or <c>run</c> of a sweep) made, and its
/// command line, in <c>&lt;runs&gt;/&lt;experiment-id&gt;/.sweeps/&lt;sweep-id&gt;.json</c>. The experiment folder
/// holds every run ever made for the experiment; a sweep report covers exactly the runs of one manifest.
/// </summary>
/// <param name="SweepId">A hash of the run ids: the same sweep invoked again has the same id (and rewrites its manifest).</param>
/// <param name="Command">The arguments after <c>grokdsl</c> that run the sweep again.</param>
/// <param name="RunIds">The sweep's runs, in sweep order.</param>
public sealed record SweepManifest(string SweepId, string ExperimentId, DateTimeOffset CreatedAt, IReadOnlyList<string> Command, IReadOnlyList<string> RunIds)
{
    public const string FolderName = ".sweeps";

    /// <summary>The sweep report's file in the experiment folder, beside the run folders.</summary>
    public string ReportFileName => $"sweep-{SweepId}.html";

    public static string FolderIn(string experimentFolder) => Path.Combine(experimentFolder, FolderName);

    public string PathIn(string experimentFolder) => Path.Combine(FolderIn(experimentFolder), $"{SweepId}.json");

    public void WriteTo(string experimentFolder)
    {
        Directory.CreateDirectory(FolderIn(experimentFolder));
        AtomicFile.WriteAllText(PathIn(experimentFolder), JsonSerializer.Serialize(this, RunJson.Indented));
    }

    /// <summary>The experiment folder's manifests, oldest first.</summary>
    /// <exception cref="InvalidDataException">A manifest is not valid JSON; the message names the file.</exception>
    public static IReadOnlyList<SweepManifest> ReadAll(string experimentFolder)
    {
        var folder = FolderIn(experimentFolder);
        if (!Directory.Exists(folder)) return [];
        var manifests = new List<SweepManifest>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
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
